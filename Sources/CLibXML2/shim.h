#ifndef ANNOTEXT_CLIBXML2_SHIM_H
#define ANNOTEXT_CLIBXML2_SHIM_H

#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlstring.h>

/// xmlFree is a global function pointer, which Swift cannot call directly.
static inline void annotext_xmlFree(void *pointer) {
    xmlFree(pointer);
}

/// A structured error handler that drops libxml2's messages; errors are read back from the context.
static inline void annotext_silentStructuredError(void *userData, xmlErrorPtr error) {
    (void)userData;
    (void)error;
}

#endif
