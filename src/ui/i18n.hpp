#pragma once
// The dashboard's view of the message catalogue (core/messages.hpp): the keys and tr() in the ui
// namespace, plus names for enums several panels show.
#include <cstddef>
#include <string>
#include <string_view>

#include "core/messages.hpp"
#include "core/session.hpp"
#include "core/workspace.hpp"

namespace faro::ui {

// The catalogue lives in core (core/messages.hpp) so every layer shares it; the dashboard's own
// panels keep calling ui::tr / ui::Msg.
using faro::kMsgCount;
using faro::Msg;
using faro::msg_from_id;
using faro::msg_id;
using faro::tr;
using faro::tr_format;

// Names for enums shown in several panels.
const char* tr_layer(LayerKind kind, Language lang);
const char* tr_role(SourceSpec::Role role, Language lang);
const char* tr_weekday(int monday_first, Language lang);
// The data's title in the UI language: the demo city's name is translated, others are file names.
std::string workspace_title(const Workspace& ws, Language lang);  // 0 = Monday .. 6 = Sunday

}  // namespace faro::ui
