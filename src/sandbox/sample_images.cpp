#include "sandbox/sample_images.h"

#include <vips/vips.h>

#include <array>
#include <mutex>

namespace gep::sandbox {
namespace {

// Owns one reference to a libvips image.
class Image {
 public:
  Image() = default;
  Image(const Image&) = delete;
  Image& operator=(const Image&) = delete;
  ~Image() {
    if (image_ != nullptr) g_object_unref(image_);
  }
  VipsImage* get() const { return image_; }
  VipsImage** out() { return &image_; }

 private:
  VipsImage* image_ = nullptr;
};

// libvips must be started once per process before any call; later calls are no-ops.
Status start_vips() {
  static std::once_flag once;
  static bool started = false;
  std::call_once(once, [] { started = VIPS_INIT("gep") == 0; });
  if (!started) return fail("vips", "libvips did not start");
  return {};
}

Error vips_failure(std::string_view what) {
  std::string message = std::string(what) + ": " + vips_error_buffer();
  vips_error_clear();
  return {"vips", std::move(message)};
}

// Pango markup: vips_text interprets '<' and '&'.
std::string escaped(std::string_view text) {
  gchar* markup = g_markup_escape_text(text.data(), static_cast<gssize>(text.size()));
  std::string out(markup);
  g_free(markup);
  return out;
}

// A left-to-right shade of the colour, so a picture is not one flat block.
Status background(const Rgb& colour, Image& canvas) {
  Image ramp;
  Image bands;
  Image shaded;
  if (vips_grey(ramp.out(), kSampleWidth, kSampleHeight, nullptr) != 0) {
    return fail(vips_failure("grey"));
  }
  std::array<VipsImage*, 3> three = {ramp.get(), ramp.get(), ramp.get()};
  if (vips_bandjoin(three.data(), bands.out(), 3, nullptr) != 0) {
    return fail(vips_failure("bandjoin"));
  }
  std::array<double, 3> scale = {colour.red * 0.4, colour.green * 0.4, colour.blue * 0.4};
  std::array<double, 3> offset = {colour.red * 0.7, colour.green * 0.7, colour.blue * 0.7};
  if (vips_linear(bands.get(), shaded.out(), scale.data(), offset.data(), 3, "uchar", TRUE,
                  nullptr) != 0) {
    return fail(vips_failure("linear"));
  }
  // Drawing changes pixels in place: the canvas must be a private memory image.
  *canvas.out() = vips_image_copy_memory(shaded.get());
  if (canvas.get() == nullptr) return fail(vips_failure("copy_memory"));
  return {};
}

// Draws `text` in white, centred horizontally with its top at `top`.
Status draw_text(Image& canvas, std::string_view text, const char* font, int top) {
  Image mask;
  const std::string markup = escaped(text);
  if (vips_text(mask.out(), markup.c_str(), "font", font, "width", kSampleWidth - 40, "align",
                VIPS_ALIGN_CENTRE, "dpi", 72, nullptr) != 0) {
    return fail(vips_failure("text"));
  }
  std::array<double, 3> white = {255, 255, 255};
  const int left = (kSampleWidth - mask.get()->Xsize) / 2;
  if (vips_draw_mask(canvas.get(), white.data(), 3, mask.get(), left, top, nullptr) != 0) {
    return fail(vips_failure("draw_mask"));
  }
  return {};
}

Result<std::string> encode(const Image& canvas, ImageFormat format) {
  void* buffer = nullptr;
  size_t length = 0;
  const int failed =
      format == ImageFormat::png
          ? vips_pngsave_buffer(canvas.get(), &buffer, &length, "compression", 6, nullptr)
          : vips_jpegsave_buffer(canvas.get(), &buffer, &length, "Q", 70, "strip", TRUE, nullptr);
  if (failed != 0) return fail(vips_failure("save"));
  std::string out(static_cast<const char*>(buffer), length);
  g_free(buffer);
  return out;
}

}  // namespace

Result<std::string> render_sample_image(const SampleImageSpec& spec) {
  if (const auto started = start_vips(); !started) return fail(started.error());
  Image canvas;
  if (const auto made = background(spec.background, canvas); !made) return fail(made.error());
  if (const auto drawn = draw_text(canvas, spec.headline, "DejaVu Sans Bold 96", 120); !drawn) {
    return fail(drawn.error());
  }
  if (!spec.caption.empty()) {
    if (const auto drawn = draw_text(canvas, spec.caption, "DejaVu Sans 32", 270); !drawn) {
      return fail(drawn.error());
    }
  }
  if (const auto drawn = draw_text(canvas, "gep sandbox sample photo", "DejaVu Sans 16", 440);
      !drawn) {
    return fail(drawn.error());
  }
  return encode(canvas, spec.format);
}

}  // namespace gep::sandbox
