#pragma once
// Generated sample photos, rendered with libvips. The only sandbox file that includes vips: the
// rest asks for an encoded picture and gets bytes (or the reason it could not be drawn).
#include <string>
#include <string_view>

#include "core/result.h"

namespace gep::sandbox {

inline constexpr int kSampleWidth = 640;
inline constexpr int kSampleHeight = 480;

enum class ImageFormat { jpeg, png };

struct Rgb {
  double red = 0, green = 0, blue = 0;
};

struct SampleImageSpec {
  std::string_view headline;  // drawn large: "BEFORE"
  std::string_view caption;   // drawn smaller below it, wrapped; may be empty
  Rgb background;
  ImageFormat format = ImageFormat::jpeg;
};

// A kSampleWidth x kSampleHeight picture: a shaded background with the two texts in white.
// Deterministic for a spec on one machine (the fonts fontconfig picks shape the pixels).
Result<std::string> render_sample_image(const SampleImageSpec& spec);

}  // namespace gep::sandbox
