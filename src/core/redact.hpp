#pragma once
// The one credential redaction, used wherever a source or a message is shown (CLI messages, `faro
// info`, load reports, the dashboard's recent list, report metadata): a database password must
// never be printed, saved or logged in clear.
//   PG:host=db user=u password=secret      -> PG:host=db user=u password=***
//   password='two words'                   -> password=***
//   PG:postgresql://u:secret@host/db       -> PG:postgresql://u:***@host/db
//   postgresql://host/db?password=secret   -> postgresql://host/db?password=***
#include <string>
#include <string_view>

namespace faro {

std::string redact_credentials(std::string_view text);

}  // namespace faro
