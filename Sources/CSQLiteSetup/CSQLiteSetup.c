#include "CSQLiteSetup.h"
#include <sqlite3.h>

int annotext_sqlite_setup(void) {
    // sqlite3_config must come before sqlite3_initialize; after it, it returns SQLITE_MISUSE
    // and changes nothing.
    int threading = sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
    int statistics = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return threading == SQLITE_OK && statistics == SQLITE_OK;
}
