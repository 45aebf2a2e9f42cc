#ifndef ANNOTEXT_UNITFEED_H
#define ANNOTEXT_UNITFEED_H

#include <sqlite3.h>

/// A batch of units for the feed: `count` ids, and their texts one after another in `text`,
/// text `i` ending at byte `ends[i]` (and starting where text `i - 1` ends).
typedef struct annotext_feed_batch {
    const sqlite3_int64 *ids;
    const char *text;
    const int *ends;
    int count;
} annotext_feed_batch;

/// Where the feed gets its units: `next` fills `batch` with the next batch and returns 1, or
/// returns 0 when there are no more. It may block until a batch is ready. A batch's memory
/// must stay valid until the next call of `next`.
typedef struct annotext_feed_source {
    int (*next)(void *context, annotext_feed_batch *batch);
    void *context;
} annotext_feed_source;

/// Registers `annotext_feed`, a table-valued function over the units a source hands out:
///
///     INSERT INTO t (rowid, text) SELECT id, text FROM annotext_feed(?1)
///
/// with ?1 bound by `annotext_feed_bind`. One statement
/// takes every unit, however many batches they come in, and the texts are not copied: they go
/// to SQLite as static text. Returns an SQLite result code.
int annotext_feed_register(sqlite3 *db);

/// Binds `source` to parameter `index` of a statement reading `annotext_feed`. The source must
/// outlive the statement's run. Returns an SQLite result code.
int annotext_feed_bind(sqlite3_stmt *statement, int index, annotext_feed_source *source);

#endif
