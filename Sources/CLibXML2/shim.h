#ifndef ANNOTEXT_CLIBXML2_SHIM_H
#define ANNOTEXT_CLIBXML2_SHIM_H

#include <string.h>
#include <libxml/xmlversion.h>
/* libxml2's ICU hook pulls the system's ICU headers into this module, where they clash with
   Foundation's bundled ICU. Only pointers to encoding handlers are used, never their fields,
   so hiding the ICU part of the handler struct is safe. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlstring.h>
#include <libxml/encoding.h>

/// xmlFree is a global function pointer, which Swift cannot call directly.
static inline void annotext_xmlFree(void *pointer) {
    xmlFree(pointer);
}

/// A structured error handler that drops libxml2's messages; errors are read back from the context.
static inline void annotext_silentStructuredError(void *userData, xmlErrorPtr error) {
    (void)userData;
    (void)error;
}

/// What a parse reported, kept in the parser context's `_private` slot (libxml2 never touches it).
typedef struct {
    /// Errors that count as malformed input (unknown HTML5 tags are not counted).
    int errors;
    /// Line and code of the first counted error.
    int firstLine;
    int firstCode;
    /// The first counted error's message, cut to fit.
    char firstMessage[256];
    /// Entity declarations seen in a DTD; the parse stops at the first.
    int entityDeclarations;
} annotext_ParseReport;

static inline void annotext_recordError(annotext_ParseReport *report, xmlErrorPtr error) {
    if (report == NULL || error == NULL) return;
    if (error->level < XML_ERR_ERROR) return;
    if (error->domain == XML_FROM_HTML) {
        /* libxml2's HTML parser knows HTML 4 only. What HTML 5 allows is not "malformed":
           new elements (<main>, <svg>, <details>), a bare "&" in text or a URL ("?a=1&b=2"),
           and "</" inside a script's string. */
        if (error->code == XML_HTML_UNKNOWN_TAG) return;
        if (error->code == XML_ERR_ENTITYREF_SEMICOL_MISSING) return;
        if (error->message != NULL) {
            if (strncmp(error->message, "htmlParseEntityRef", 18) == 0) return;
            if (strstr(error->message, "embeds close tag") != NULL) return;
        }
    }
    if (report->errors == 0) {
        report->firstLine = error->line;
        report->firstCode = error->code;
        if (error->message != NULL) {
            strncpy(report->firstMessage, error->message, sizeof(report->firstMessage) - 1);
            report->firstMessage[sizeof(report->firstMessage) - 1] = 0;
        }
    }
    report->errors += 1;
}

/// The XML parser's structured error handler: the report hangs off the context.
static inline void annotext_countError(void *userData, xmlErrorPtr error) {
    xmlParserCtxtPtr ctxt = (xmlParserCtxtPtr)userData;
    if (ctxt == NULL) return;
    annotext_recordError((annotext_ParseReport *)ctxt->_private, error);
}

/// The handler for the thread's structured error hook, whose context is the report itself.
static inline void annotext_countErrorInReport(void *userData, xmlErrorPtr error) {
    annotext_recordError((annotext_ParseReport *)userData, error);
}

/// Routes this thread's libxml2 errors into `report` (NULL restores the default). libxml2's
/// HTML parser ignores a context's own structured handler, so HTML parses use this hook; it is
/// per thread, and a parse runs start to end on one thread.
static inline void annotext_routeThreadErrors(annotext_ParseReport *report) {
    if (report != NULL) {
        xmlSetStructuredErrorFunc(report, annotext_countErrorInReport);
    } else {
        xmlSetStructuredErrorFunc(NULL, NULL);
    }
}

/// Stops the parse at the first entity declaration: annotext never expands entities, and a
/// document that declares them (billion laughs, external entities) is refused before any work.
static inline void annotext_refuseEntityDecl(void *ctx, const xmlChar *name, int type,
                                             const xmlChar *publicId, const xmlChar *systemId,
                                             xmlChar *content) {
    (void)name; (void)type; (void)publicId; (void)systemId; (void)content;
    xmlParserCtxtPtr ctxt = (xmlParserCtxtPtr)ctx;
    if (ctxt == NULL) return;
    if (ctxt->_private != NULL) {
        ((annotext_ParseReport *)ctxt->_private)->entityDeclarations += 1;
    }
    xmlStopParser(ctxt);
}

/// Points the context at `report` and routes its errors into it instead of stderr.
static inline void annotext_attachReport(xmlParserCtxtPtr ctxt, annotext_ParseReport *report) {
    memset(report, 0, sizeof(*report));
    ctxt->_private = report;
    ctxt->userData = ctxt;
    if (ctxt->sax != NULL) {
        ctxt->sax->serror = annotext_countError;
    }
}

/// Makes every entity declaration stop the parse (XML only).
static inline void annotext_refuseEntities(xmlParserCtxtPtr ctxt) {
    if (ctxt->sax != NULL) {
        ctxt->sax->entityDecl = annotext_refuseEntityDecl;
    }
}

/// Switches the input of a fresh context to the named encoding; returns 0 on success.
static inline int annotext_switchEncoding(xmlParserCtxtPtr ctxt, const char *name) {
    xmlCharEncodingHandlerPtr handler = xmlFindCharEncodingHandler(name);
    if (handler == NULL) return -1;
    return xmlSwitchToEncoding(ctxt, handler);
}

#endif
