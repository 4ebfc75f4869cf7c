#include "cli/commands.hpp"

int main(int argc, char** argv) { return faro::cli::run(argc, argv); }
