// The `annotext_feed` table-valued function (see UnitFeed.h).
//
// Why a virtual table: FTS5 writes its pending terms out as a new segment at the start of every
// statement that joins a transaction it is part of, so the units of a whole transaction must go
// in through one statement; and a row at a time through SQL costs a statement step per unit.
// A virtual table written in C, because its cursor must begin with SQLite's own struct.
#include "UnitFeed.h"
#include <stdlib.h>
#include <string.h>

typedef struct feed_cursor {
    sqlite3_vtab_cursor base;  // must come first: SQLite sees only this part
    annotext_feed_source *source;
    annotext_feed_batch batch;
    int row;          // index of the current row in `batch`
    int start;        // byte offset of the current row's text
    int eof;
} feed_cursor;

enum { COLUMN_ID, COLUMN_TEXT, COLUMN_SOURCE };

/// The type name of a bound source: SQLite keeps the pointer to it, so it must be static.
static const char source_type[] = "annotext_feed_source";

static int feed_connect(sqlite3 *db, void *aux, int argc, const char *const *argv, sqlite3_vtab **out,
                        char **error) {
    (void)aux; (void)argc; (void)argv; (void)error;
    int rc = sqlite3_declare_vtab(db, "CREATE TABLE x(id INTEGER, text TEXT, source HIDDEN)");
    if (rc != SQLITE_OK) return rc;
    sqlite3_vtab *table = sqlite3_malloc(sizeof(*table));
    if (table == NULL) return SQLITE_NOMEM;
    memset(table, 0, sizeof(*table));
    *out = table;
    return SQLITE_OK;
}

static int feed_disconnect(sqlite3_vtab *table) {
    sqlite3_free(table);
    return SQLITE_OK;
}

static int feed_open(sqlite3_vtab *table, sqlite3_vtab_cursor **out) {
    (void)table;
    feed_cursor *cursor = sqlite3_malloc(sizeof(*cursor));
    if (cursor == NULL) return SQLITE_NOMEM;
    memset(cursor, 0, sizeof(*cursor));
    cursor->eof = 1;
    *out = &cursor->base;
    return SQLITE_OK;
}

static int feed_close(sqlite3_vtab_cursor *base) {
    sqlite3_free(base);
    return SQLITE_OK;
}

/// Moves to the next row, asking the source for batches until one has a row or it has none.
static int feed_advance(feed_cursor *cursor) {
    if (cursor->row < cursor->batch.count) {
        cursor->start = cursor->batch.ends[cursor->row];
        cursor->row += 1;
    }
    while (cursor->row >= cursor->batch.count) {
        memset(&cursor->batch, 0, sizeof(cursor->batch));
        cursor->row = 0;
        cursor->start = 0;
        if (cursor->source == NULL || !cursor->source->next(cursor->source->context, &cursor->batch)) {
            cursor->eof = 1;
            return SQLITE_OK;
        }
    }
    return SQLITE_OK;
}

static int feed_filter(sqlite3_vtab_cursor *base, int plan, const char *planName, int argc, sqlite3_value **argv) {
    (void)planName;
    feed_cursor *cursor = (feed_cursor *)base;
    memset(&cursor->batch, 0, sizeof(cursor->batch));
    cursor->row = 0;
    cursor->start = 0;
    cursor->eof = 0;
    cursor->source = (plan == 1 && argc == 1) ? sqlite3_value_pointer(argv[0], source_type) : NULL;
    // Before the first row: advancing from an empty batch asks the source for one.
    return feed_advance(cursor);
}

static int feed_next(sqlite3_vtab_cursor *base) { return feed_advance((feed_cursor *)base); }

static int feed_eof(sqlite3_vtab_cursor *base) { return ((feed_cursor *)base)->eof; }

static int feed_column(sqlite3_vtab_cursor *base, sqlite3_context *context, int column) {
    feed_cursor *cursor = (feed_cursor *)base;
    switch (column) {
    case COLUMN_ID:
        sqlite3_result_int64(context, cursor->batch.ids[cursor->row]);
        break;
    case COLUMN_TEXT: {
        int end = cursor->batch.ends[cursor->row];
        sqlite3_result_text(context, cursor->batch.text + cursor->start, end - cursor->start, SQLITE_STATIC);
        break;
    }
    default:
        sqlite3_result_null(context);
    }
    return SQLITE_OK;
}

static int feed_rowid(sqlite3_vtab_cursor *base, sqlite3_int64 *rowid) {
    feed_cursor *cursor = (feed_cursor *)base;
    *rowid = cursor->batch.ids[cursor->row];
    return SQLITE_OK;
}

/// Only the plan with the source bound is usable: without it the feed has no rows.
static int feed_best_index(sqlite3_vtab *table, sqlite3_index_info *info) {
    (void)table;
    for (int i = 0; i < info->nConstraint; i++) {
        const struct sqlite3_index_constraint *constraint = &info->aConstraint[i];
        if (constraint->iColumn == COLUMN_SOURCE && constraint->op == SQLITE_INDEX_CONSTRAINT_EQ) {
            if (!constraint->usable) return SQLITE_CONSTRAINT;
            info->aConstraintUsage[i].argvIndex = 1;
            info->aConstraintUsage[i].omit = 1;
            info->idxNum = 1;
            info->estimatedCost = 1;
            info->estimatedRows = 100000;
            return SQLITE_OK;
        }
    }
    info->idxNum = 0;
    info->estimatedCost = 1e12;
    return SQLITE_OK;
}

static sqlite3_module feed_module = {
    .iVersion = 0,
    .xCreate = NULL,  // eponymous only: no CREATE VIRTUAL TABLE
    .xConnect = feed_connect,
    .xBestIndex = feed_best_index,
    .xDisconnect = feed_disconnect,
    .xDestroy = feed_disconnect,
    .xOpen = feed_open,
    .xClose = feed_close,
    .xFilter = feed_filter,
    .xNext = feed_next,
    .xEof = feed_eof,
    .xColumn = feed_column,
    .xRowid = feed_rowid,
};

int annotext_feed_register(sqlite3 *db) { return sqlite3_create_module(db, "annotext_feed", &feed_module, NULL); }

int annotext_feed_bind(sqlite3_stmt *statement, int index, annotext_feed_source *source) {
    return sqlite3_bind_pointer(statement, index, source, source_type, NULL);
}
