#include "core/error_kind.hpp"

#include <new>
#include <system_error>

#include "core/localized_error.hpp"
#include "core/messages.hpp"

namespace faro {

const char* resource_name(Resource r) {
  switch (r) {
    case Resource::gl: return "GL";
    case Resource::cairo: return "cairo";
    case Resource::font: return "FreeType";
    case Resource::memory: return "memory";
    case Resource::database: return "database";
    case Resource::file: return "file";
  }
  return "?";
}

namespace {

const char* resource_word(Resource r, Language lang) {
  switch (r) {
    case Resource::memory: return tr(Msg::error_resource_memory, lang);
    case Resource::database: return tr(Msg::error_resource_database, lang);
    case Resource::file: return tr(Msg::error_resource_file, lang);
    default: return resource_name(r);  // proper names: GL, cairo, FreeType
  }
}

ErrorReport make(ErrorKind kind, std::string message, Resource r = Resource::memory) {
  ErrorReport out;
  out.kind = kind;
  out.resource = r;
  out.message = std::move(message);
  return out;
}

}  // namespace

ErrorReport classify_exception(std::exception_ptr e, Language lang) {
  if (!e) return make(ErrorKind::internal, tr(Msg::error_unknown_exception, lang));
  try {
    std::rethrow_exception(e);
  } catch (const UsageError& x) {
    return make(ErrorKind::usage, x.what());
  } catch (const DataError& x) {  // a LocalizedError in `lang`; GDAL's English quoted in Spanish
    return make(ErrorKind::data, error_text(x, lang));
  } catch (const ResourceError& x) {
    return make(ErrorKind::resource, error_text(x, lang), x.resource);
  } catch (const std::bad_alloc&) {
    return make(ErrorKind::resource, tr(Msg::error_out_of_memory, lang), Resource::memory);
  } catch (const std::length_error& x) {
    return make(ErrorKind::resource, std::string(tr(Msg::error_out_of_memory, lang)) + " (" +
                                         x.what() + ")", Resource::memory);
  } catch (const std::system_error& x) {  // filesystem_error included
    return make(ErrorKind::resource, error_text(x, lang), Resource::file);
  } catch (const std::logic_error& x) {  // InternalError included
    return make(ErrorKind::internal, error_text(x, lang));
  } catch (const std::exception& x) {
    return make(ErrorKind::internal, error_text(x, lang));
  } catch (...) {
    return make(ErrorKind::internal, tr(Msg::error_unknown_exception, lang));
  }
}

int exit_code(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::data: return 1;
    case ErrorKind::usage: return 2;
    case ErrorKind::resource: return 3;
    case ErrorKind::internal: return 4;
  }
  return 4;
}

std::string error_heading(const ErrorReport& r, Language lang) {
  switch (r.kind) {
    case ErrorKind::usage: return tr(Msg::error_kind_usage, lang);
    case ErrorKind::data: return tr(Msg::error_kind_data, lang);
    case ErrorKind::resource:
      return tr_format(lang, Msg::error_kind_resource, resource_word(r.resource, lang));
    case ErrorKind::internal: return tr(Msg::error_kind_internal, lang);
  }
  return tr(Msg::error_kind_internal, lang);
}

std::string describe_error(const ErrorReport& r, Language lang) {
  if (r.kind == ErrorKind::usage || r.kind == ErrorKind::data) return r.message;
  return error_heading(r, lang) + ": " + r.message;
}

std::string headed_error_text(const ErrorReport& r, Language lang) {
  return error_heading(r, lang) + ": " + r.message;
}

}  // namespace faro
