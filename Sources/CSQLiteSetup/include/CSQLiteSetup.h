#ifndef ANNOTEXT_CSQLITESETUP_H
#define ANNOTEXT_CSQLITESETUP_H

#include "UnitFeed.h"

/// Sets SQLite's process-wide options before its first use: connections without their own
/// mutex (GRDB already gives each connection to one thread at a time) and no memory statistics
/// (a global mutex taken on every allocation). Returns 1 when both were set, 0 when SQLite was
/// already in use and keeps its defaults (correct, only slower).
///
/// It lives in C because `sqlite3_config` is variadic, which Swift cannot call.
int annotext_sqlite_setup(void);

#endif
