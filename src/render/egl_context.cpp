#include "render/egl_context.hpp"

#include <EGL/egl.h>
#include <EGL/eglext.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>
#include <optional>
#include <string_view>
#include <vector>

#include "render/gl.hpp"
#include "render/software_renderer.hpp"

namespace faro::render {
namespace {

bool has_extension(const char* list, std::string_view name) {
  if (list == nullptr) return false;
  std::string_view all(list);
  size_t pos = 0;
  while ((pos = all.find(name, pos)) != std::string_view::npos) {
    const size_t end = pos + name.size();
    const bool starts = pos == 0 || all[pos - 1] == ' ';
    const bool ends = end == all.size() || all[end] == ' ';
    if (starts && ends) return true;
    pos = end;
  }
  return false;
}

const char* egl_error_name(EGLint e) {
  switch (e) {
    case EGL_NOT_INITIALIZED:
      return "EGL_NOT_INITIALIZED";
    case EGL_BAD_ACCESS:
      return "EGL_BAD_ACCESS";
    case EGL_BAD_ALLOC:
      return "EGL_BAD_ALLOC";
    case EGL_BAD_ATTRIBUTE:
      return "EGL_BAD_ATTRIBUTE";
    case EGL_BAD_CONFIG:
      return "EGL_BAD_CONFIG";
    case EGL_BAD_CONTEXT:
      return "EGL_BAD_CONTEXT";
    case EGL_BAD_DISPLAY:
      return "EGL_BAD_DISPLAY";
    case EGL_BAD_MATCH:
      return "EGL_BAD_MATCH";
    case EGL_BAD_PARAMETER:
      return "EGL_BAD_PARAMETER";
    case EGL_BAD_SURFACE:
      return "EGL_BAD_SURFACE";
    default:
      return "EGL error";
  }
}

std::string egl_error_text(const char* what) {
  const EGLint e = eglGetError();
  char code[16];
  std::snprintf(code, sizeof code, "0x%04X", static_cast<unsigned>(e));
  return std::string(what) + " failed (" + egl_error_name(e) + ", " + code + ")";
}

// eglInitialize/eglTerminate act on the whole display, which EGL returns as a process-wide
// singleton per platform and device: count our users and terminate after the last one.
std::mutex g_display_mutex;
std::map<EGLDisplay, int> g_display_users;

bool acquire_display(EGLDisplay d, EGLint* major, EGLint* minor) {
  std::lock_guard lock(g_display_mutex);
  if (!eglInitialize(d, major, minor)) return false;
  ++g_display_users[d];
  return true;
}

void release_display(EGLDisplay d) {
  std::lock_guard lock(g_display_mutex);
  auto it = g_display_users.find(d);
  if (it == g_display_users.end()) return;
  if (--it->second == 0) {
    g_display_users.erase(it);
    eglTerminate(d);
  }
}

std::string gl_string(GLenum name) {
  const GLubyte* s = glGetString(name);
  return s ? reinterpret_cast<const char*>(s) : "";
}

struct DisplayCandidate {
  EGLDisplay display;
  std::string label;
};

}  // namespace

struct EglContext::State {
  EGLDisplay display = EGL_NO_DISPLAY;
  EGLContext context = EGL_NO_CONTEXT;
  EGLSurface surface = EGL_NO_SURFACE;  // 1x1 pbuffer only without EGL_KHR_surfaceless_context
  GlContextInfo info;

  ~State() {
    if (display == EGL_NO_DISPLAY) return;
    if (context != EGL_NO_CONTEXT) {
      if (eglGetCurrentContext() == context)
        eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
      eglDestroyContext(display, context);
    }
    if (surface != EGL_NO_SURFACE) eglDestroySurface(display, surface);
    release_display(display);
  }
};

namespace {

// Tries to make a current GL core context of at least major.minor on `candidate`. Returns the
// state, or nullopt with `why` set.
std::unique_ptr<EglContext::State> try_display(const DisplayCandidate& candidate,
                                               const EglContextOptions& options, std::string& why) {
  if (candidate.display == EGL_NO_DISPLAY) {
    why = "no display";
    return nullptr;
  }
  EGLint egl_major = 0, egl_minor = 0;
  if (!acquire_display(candidate.display, &egl_major, &egl_minor)) {
    why = egl_error_text("eglInitialize");
    return nullptr;
  }
  auto state = std::make_unique<EglContext::State>();
  state->display = candidate.display;
  const char* extensions = eglQueryString(state->display, EGL_EXTENSIONS);
  const bool egl15 = egl_major > 1 || (egl_major == 1 && egl_minor >= 5);
  if (!egl15 && !has_extension(extensions, "EGL_KHR_create_context")) {
    why = "EGL " + std::to_string(egl_major) + "." + std::to_string(egl_minor) +
          " without EGL_KHR_create_context cannot ask for a core profile";
    return nullptr;
  }
  if (!eglBindAPI(EGL_OPENGL_API)) {
    why = egl_error_text("eglBindAPI(EGL_OPENGL_API)");
    return nullptr;
  }
  const bool surfaceless = has_extension(extensions, "EGL_KHR_surfaceless_context");
  const EGLint config_attribs[] = {EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT, EGL_SURFACE_TYPE,
                                   surfaceless ? EGL_DONT_CARE : EGL_PBUFFER_BIT, EGL_NONE};
  EGLConfig config = nullptr;
  EGLint config_count = 0;
  if (!eglChooseConfig(state->display, config_attribs, &config, 1, &config_count) ||
      config_count == 0) {
    if (!(surfaceless && has_extension(extensions, "EGL_KHR_no_config_context"))) {
      why = "no EGL config renders OpenGL";
      return nullptr;
    }
    config = EGL_NO_CONFIG_KHR;
  }
  const EGLint context_attribs[] = {EGL_CONTEXT_MAJOR_VERSION,
                                    options.major,
                                    EGL_CONTEXT_MINOR_VERSION,
                                    options.minor,
                                    EGL_CONTEXT_OPENGL_PROFILE_MASK,
                                    EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT,
                                    EGL_NONE};
  state->context = eglCreateContext(state->display, config, EGL_NO_CONTEXT, context_attribs);
  if (state->context == EGL_NO_CONTEXT) {
    why = egl_error_text(("eglCreateContext(OpenGL " + std::to_string(options.major) + "." +
                          std::to_string(options.minor) + " core)")
                             .c_str());
    return nullptr;
  }
  if (!surfaceless) {
    const EGLint pbuffer_attribs[] = {EGL_WIDTH, 1, EGL_HEIGHT, 1, EGL_NONE};
    state->surface = eglCreatePbufferSurface(state->display, config, pbuffer_attribs);
    if (state->surface == EGL_NO_SURFACE) {
      why = egl_error_text("eglCreatePbufferSurface");
      return nullptr;
    }
  }
  if (!eglMakeCurrent(state->display, state->surface, state->surface, state->context)) {
    why = egl_error_text("eglMakeCurrent");
    return nullptr;
  }

  GlContextInfo& info = state->info;
  info.platform = candidate.label;
  info.egl_version = std::to_string(egl_major) + "." + std::to_string(egl_minor);
  if (const char* v = eglQueryString(state->display, EGL_VENDOR)) info.egl_vendor = v;
  info.renderer = gl_string(GL_RENDERER);
  info.vendor = gl_string(GL_VENDOR);
  info.version = gl_string(GL_VERSION);
  info.shading_language = gl_string(GL_SHADING_LANGUAGE_VERSION);
  glGetIntegerv(GL_MAJOR_VERSION, &info.major);
  glGetIntegerv(GL_MINOR_VERSION, &info.minor);
  GLint profile = 0;
  glGetIntegerv(GL_CONTEXT_PROFILE_MASK, &profile);
  info.core_profile = (profile & GL_CONTEXT_CORE_PROFILE_BIT) != 0;
  info.software = is_software_renderer(info.renderer);
  glGetIntegerv(GL_MAX_TEXTURE_SIZE, &info.max_texture_size);
  glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &info.max_renderbuffer_size);
  GLint dims[2] = {0, 0};
  glGetIntegerv(GL_MAX_VIEWPORT_DIMS, dims);
  info.max_viewport_width = dims[0];
  info.max_viewport_height = dims[1];
  glGetIntegerv(GL_MAX_SAMPLES, &info.max_samples);
  glGetError();  // a driver that rejects one of the queries must not poison later checks

  const bool new_enough =
      info.major > options.major || (info.major == options.major && info.minor >= options.minor);
  if (!new_enough || !info.core_profile) {
    why = "got OpenGL " + info.version + (info.core_profile ? "" : " without core profile") +
          " from " + info.renderer;
    return nullptr;
  }
  return state;
}

std::vector<DisplayCandidate> device_candidates(const char* client_extensions, bool hardware_only) {
  std::vector<DisplayCandidate> out;
  if (!has_extension(client_extensions, "EGL_EXT_platform_device")) return out;
  auto query_devices =
      reinterpret_cast<PFNEGLQUERYDEVICESEXTPROC>(eglGetProcAddress("eglQueryDevicesEXT"));
  auto query_device_string = reinterpret_cast<PFNEGLQUERYDEVICESTRINGEXTPROC>(
      eglGetProcAddress("eglQueryDeviceStringEXT"));
  auto get_platform_display = reinterpret_cast<PFNEGLGETPLATFORMDISPLAYEXTPROC>(
      eglGetProcAddress("eglGetPlatformDisplayEXT"));
  if (!query_devices || !get_platform_display) return out;
  EGLDeviceEXT devices[16];
  EGLint count = 0;
  if (!query_devices(16, devices, &count)) return out;
  for (EGLint i = 0; i < count; ++i) {
    const char* dev_ext =
        query_device_string ? query_device_string(devices[i], EGL_EXTENSIONS) : nullptr;
    const bool software = has_extension(dev_ext, "EGL_MESA_device_software");
    if (hardware_only && software) continue;
    std::string label = "EGL_EXT_platform_device #" + std::to_string(i);
    if (query_device_string && has_extension(dev_ext, "EGL_EXT_device_drm")) {
      if (const char* node = query_device_string(devices[i], EGL_DRM_DEVICE_FILE_EXT))
        label += std::string(" (") + node + ")";
    } else if (software) {
      label += " (software)";
    }
    out.push_back({get_platform_display(EGL_PLATFORM_DEVICE_EXT, devices[i], nullptr), label});
  }
  return out;
}

std::optional<DisplayCandidate> surfaceless_candidate(const char* client_extensions) {
  if (!has_extension(client_extensions, "EGL_MESA_platform_surfaceless")) return std::nullopt;
  auto get_platform_display = reinterpret_cast<PFNEGLGETPLATFORMDISPLAYEXTPROC>(
      eglGetProcAddress("eglGetPlatformDisplayEXT"));
  if (!get_platform_display) return std::nullopt;
  return DisplayCandidate{
      get_platform_display(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr),
      "EGL_MESA_platform_surfaceless"};
}

EglPlatform platform_from_environment(EglPlatform requested) {
  if (requested != EglPlatform::automatic) return requested;
  const char* env = std::getenv("FARO_EGL_PLATFORM");
  if (env == nullptr || *env == '\0') return requested;
  const std::string_view v(env);
  if (v == "surfaceless") return EglPlatform::surfaceless;
  if (v == "device") return EglPlatform::device;
  if (v == "default") return EglPlatform::default_display;
  throw GlUnavailable("FARO_EGL_PLATFORM=" + std::string(v) +
                      " is not one of surfaceless, device, default");
}

}  // namespace

std::string GlContextInfo::summary() const {
  return "OpenGL " + version + (core_profile ? "" : " (compatibility profile)") + ", " + renderer +
         " [" + vendor + "], GLSL " + shading_language + ", EGL " + egl_version + " " + egl_vendor +
         " via " + platform;
}

EglContext::EglContext(const EglContextOptions& options) {
  const EglPlatform platform = platform_from_environment(options.platform);
  // Client extensions (EGL 1.5 / EGL_EXT_client_extensions): which platforms exist at all.
  const char* client_extensions = eglQueryString(EGL_NO_DISPLAY, EGL_EXTENSIONS);
  std::string tried;
  auto attempt = [&](const DisplayCandidate& c) -> std::unique_ptr<State> {
    std::string why;
    auto state = try_display(c, options, why);
    if (!state) tried += "\n  " + c.label + ": " + why;
    return state;
  };

  std::unique_ptr<State> software_fallback;
  auto done = [&](std::unique_ptr<State> s) {
    state_ = std::move(s);
    return state_ != nullptr;
  };

  if (platform == EglPlatform::automatic || platform == EglPlatform::surfaceless) {
    if (auto c = surfaceless_candidate(client_extensions)) {
      auto s = attempt(*c);
      if (s && (platform == EglPlatform::surfaceless || !s->info.software)) {
        done(std::move(s));
        return;
      }
      if (s) {
        eglMakeCurrent(s->display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
        software_fallback = std::move(s);
      }
    } else {
      tried += "\n  EGL_MESA_platform_surfaceless: not offered by libEGL";
    }
  }
  if (platform == EglPlatform::automatic || platform == EglPlatform::device) {
    // Automatic mode with a software surfaceless context in hand only wants hardware devices.
    const bool hardware_only = software_fallback != nullptr;
    const auto devices = device_candidates(client_extensions, hardware_only);
    if (devices.empty() && !hardware_only) tried += "\n  EGL_EXT_platform_device: no devices";
    for (const DisplayCandidate& c : devices) {
      if (auto s = attempt(c)) {
        if (done(std::move(s))) return;
      }
    }
  }
  if (software_fallback) {
    done(std::move(software_fallback));
    make_current();
    return;
  }
  if (platform == EglPlatform::automatic || platform == EglPlatform::default_display) {
    if (auto s =
            attempt({eglGetDisplay(EGL_DEFAULT_DISPLAY), "eglGetDisplay(EGL_DEFAULT_DISPLAY)"}))
      if (done(std::move(s))) return;
  }
  throw GlUnavailable("no OpenGL " + std::to_string(options.major) + "." +
                      std::to_string(options.minor) +
                      " core context through EGL (headless rendering unavailable); tried:" + tried);
}

EglContext::~EglContext() = default;
EglContext::EglContext(EglContext&& other) noexcept = default;
EglContext& EglContext::operator=(EglContext&& other) noexcept = default;

void EglContext::make_current() const {
  if (!eglMakeCurrent(state_->display, state_->surface, state_->surface, state_->context))
    throw GlError(egl_error_text("eglMakeCurrent"));
}

void EglContext::release_current() const {
  if (is_current()) eglMakeCurrent(state_->display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
}

bool EglContext::is_current() const {
  return state_ && state_->context != EGL_NO_CONTEXT && eglGetCurrentContext() == state_->context;
}

const GlContextInfo& EglContext::info() const {
  return state_->info;
}

bool EglContext::any_current() {
  // eglGetCurrentContext answers for the bound API; the renderer only uses EGL_OPENGL_API.
  const EGLenum previous = eglQueryAPI();
  if (previous != EGL_OPENGL_API) eglBindAPI(EGL_OPENGL_API);
  const bool current = eglGetCurrentContext() != EGL_NO_CONTEXT;
  if (previous != EGL_OPENGL_API) eglBindAPI(previous);
  return current;
}

}  // namespace faro::render
