#pragma once
// The words of the one error boundary (core/error_kind.hpp): the heading of each kind of error,
// shown by the CLI before the message and by the dashboard as the modal's first line. Part of the
// app area (the dashboard draws it: Latin-1 only). Included only by core/messages_report.hpp.

// clang-format off
#define FARO_MSG_ERRORS(X)                                                                      \
  X(error_kind_usage, "error de uso", "usage error")                                            \
  X(error_kind_data, "error en los datos", "data error")                                        \
  X(error_kind_resource, "recurso insuficiente (%s)", "resource error (%s)")                    \
  X(error_kind_internal, "error interno de Faro (por favor, repórtelo)",                         \
    "internal error in Faro (please report it)")                                                \
  X(error_out_of_memory, "memoria insuficiente", "out of memory")                               \
  X(error_unknown_exception, "excepción de tipo desconocido", "exception of an unknown type")   \
  X(error_resource_memory, "memoria", "memory")                                                 \
  X(error_resource_database, "base de datos", "database")                                       \
  X(error_resource_file, "archivo", "file")
// clang-format on
