// The portal's brand stylesheet: the configured colour with the ink that reads on it.
#include "web/brand.h"

#include <gtest/gtest.h>

#include "web/assets.h"

namespace gep::web {
namespace {

TEST(Brand, TheInkIsWhiteOnADarkColourAndBlackOnALightOne) {
  EXPECT_EQ(brand_stylesheet("#14213d"), ":root { --brand: #14213d; --brand-ink: #ffffff; }\n");
  EXPECT_EQ(brand_stylesheet("#ffd400"), ":root { --brand: #ffd400; --brand-ink: #000000; }\n");
  EXPECT_GE(contrast_ratio("#14213d", "#ffffff"), 4.5);
  EXPECT_GE(contrast_ratio("#ffd400", "#000000"), 4.5);
}

TEST(Brand, ContrastFollowsWcag) {
  EXPECT_NEAR(contrast_ratio("#000000", "#ffffff"), 21.0, 1e-9);
  EXPECT_NEAR(contrast_ratio("#777777", "#777777"), 1.0, 1e-9);
  EXPECT_NEAR(contrast_ratio("#767676", "#ffffff"), 4.54, 0.01);  // the well-known AA grey
}

TEST(Brand, AnythingButSixHexDigitsGivesTheDefault) {
  EXPECT_EQ(brand_stylesheet("url(evil)"), brand_stylesheet(kDefaultBrandColour));
  EXPECT_EQ(brand_stylesheet("#fff"), brand_stylesheet(kDefaultBrandColour));
}

TEST(Brand, TheStylesheetIsServedUnderItsContentHash) {
  StaticAssets assets;
  const std::string first = assets.url_of("brand.css");
  assets.set_brand_colour("#ffd400");
  const std::string second = assets.url_of("brand.css");
  EXPECT_NE(first, second);
  EXPECT_TRUE(second.starts_with("/static/brand.") && second.ends_with(".css")) << second;
  size_t brand_files = 0;
  for (const Asset& asset : assets.assets()) {
    if (asset.name != "brand.css") continue;
    ++brand_files;
    EXPECT_EQ(asset.content(), brand_stylesheet("#ffd400"));
  }
  EXPECT_EQ(brand_files, 1U);
}

}  // namespace
}  // namespace gep::web
