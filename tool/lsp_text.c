/* lsp_text.c - the language server's view of a document: LSP positions
 * (line and UTF-16 code unit) against byte offsets of the UTF-8 text,
 * incremental edits, and file URIs. */
#include <stdlib.h>
#include <string.h>

#include "lsp.h"

/* Code units of the UTF-8 sequence starting with byte c: a 4-byte
 * sequence is a surrogate pair in UTF-16. */
static unsigned units_of(unsigned char c, bool utf8) {
  if (utf8)
    return 1;
  if ((c & 0xc0) == 0x80)
    return 0; /* continuation byte: counted with its lead */
  return c >= 0xf0 ? 2 : 1;
}

json_val *lsp_position(const char *text, size_t len, size_t off, bool utf8) {
  if (off > len)
    off = len;
  size_t line = 0, start = 0;
  for (size_t i = 0; i < off; i++)
    if (text[i] == '\n') {
      line++;
      start = i + 1;
    }
  size_t ch = 0;
  for (size_t i = start; i < off; i++)
    ch += units_of((unsigned char)text[i], utf8);
  json_val *p = json_object();
  json_set(p, "line", json_num((long long)line));
  json_set(p, "character", json_num((long long)ch));
  return p;
}

json_val *lsp_range(const char *text, size_t len, size_t b, size_t e, bool utf8) {
  json_val *r = json_object();
  json_set(r, "start", lsp_position(text, len, b, utf8));
  json_set(r, "end", lsp_position(text, len, e < b ? b : e, utf8));
  return r;
}

size_t lsp_offset(const char *text, size_t len, const json_val *pos, bool utf8) {
  long long line = json_int(json_get(pos, "line"), 0);
  long long ch = json_int(json_get(pos, "character"), 0);
  size_t i = 0;
  for (long long l = 0; l < line && i < len; i++)
    if (text[i] == '\n')
      l++;
  long long units = 0;
  while (i < len && text[i] != '\n' && units < ch) {
    units += units_of((unsigned char)text[i], utf8);
    i++;
    while (i < len && (text[i] & 0xc0) == 0x80)
      i++;
  }
  return i;
}

void lsp_apply_change(buf *text, const json_val *change, bool utf8) {
  const json_val *t = json_get(change, "text");
  if (!t || t->kind != JSON_STR)
    return;
  const json_val *range = json_get(change, "range");
  if (!range) {
    text->len = 0;
    buf_put(text, t->s, t->len);
    return;
  }
  const char *s = text->s ? text->s : "";
  size_t b = lsp_offset(s, text->len, json_get(range, "start"), utf8);
  size_t e = lsp_offset(s, text->len, json_get(range, "end"), utf8);
  if (e < b)
    e = b;
  buf out = {0};
  buf_put(&out, s, b);
  buf_put(&out, t->s, t->len);
  buf_put(&out, s + e, text->len - e);
  buf_free(text);
  *text = out;
  if (!text->s)
    buf_puts(text, "");
}

static int hexval(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

char *lsp_uri_to_path(const char *uri) {
  if (strncmp(uri, "file://", 7))
    return NULL;
  const char *p = uri + 7;
  if (*p != '/') /* file://host/path: only the local host */
    p = strchr(p, '/');
  if (!p)
    return NULL;
  buf b = {0};
  for (; *p; p++) {
    if (*p == '%' && hexval(p[1]) >= 0 && hexval(p[2]) >= 0) {
      buf_putc(&b, (char)(hexval(p[1]) << 4 | hexval(p[2])));
      p += 2;
    } else {
      buf_putc(&b, *p);
    }
  }
  return buf_take(&b);
}

char *lsp_path_to_uri(const char *path) {
  buf b = {0};
  buf_puts(&b, "file://");
  for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
    if (strchr("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/", *p) && *p)
      buf_putc(&b, (char)*p);
    else
      buf_printf(&b, "%%%02X", *p);
  }
  return buf_take(&b);
}
