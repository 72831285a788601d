/* json.c - a small JSON reader and writer, enough for the Language Server
 * Protocol's messages (UTF-8 text, \u escapes with surrogate pairs). */
#include "json.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  const char *s;
  size_t i, n;
  int depth;
} reader;

static void skip_ws(reader *r) {
  while (r->i < r->n && (r->s[r->i] == ' ' || r->s[r->i] == '\t' || r->s[r->i] == '\n' ||
                         r->s[r->i] == '\r'))
    r->i++;
}

static json_val *new_val(json_kind k) {
  json_val *v = xcalloc(1, sizeof *v);
  v->kind = k;
  return v;
}

static int hex4(reader *r) {
  if (r->n - r->i < 4)
    return -1;
  int x = 0;
  for (int k = 0; k < 4; k++) {
    char c = r->s[r->i++];
    x <<= 4;
    if (c >= '0' && c <= '9')
      x |= c - '0';
    else if (c >= 'a' && c <= 'f')
      x |= c - 'a' + 10;
    else if (c >= 'A' && c <= 'F')
      x |= c - 'A' + 10;
    else
      return -1;
  }
  return x;
}

static void put_utf8(buf *b, unsigned cp) {
  if (cp < 0x80) {
    buf_putc(b, (char)cp);
  } else if (cp < 0x800) {
    buf_putc(b, (char)(0xc0 | cp >> 6));
    buf_putc(b, (char)(0x80 | (cp & 0x3f)));
  } else if (cp < 0x10000) {
    buf_putc(b, (char)(0xe0 | cp >> 12));
    buf_putc(b, (char)(0x80 | (cp >> 6 & 0x3f)));
    buf_putc(b, (char)(0x80 | (cp & 0x3f)));
  } else {
    buf_putc(b, (char)(0xf0 | cp >> 18));
    buf_putc(b, (char)(0x80 | (cp >> 12 & 0x3f)));
    buf_putc(b, (char)(0x80 | (cp >> 6 & 0x3f)));
    buf_putc(b, (char)(0x80 | (cp & 0x3f)));
  }
}

/* The string literal at r (after its opening quote) into *out. */
static bool read_string(reader *r, buf *out) {
  for (;;) {
    if (r->i >= r->n)
      return false;
    char c = r->s[r->i++];
    if (c == '"')
      return true;
    if (c != '\\') {
      buf_putc(out, c);
      continue;
    }
    if (r->i >= r->n)
      return false;
    char e = r->s[r->i++];
    switch (e) {
    case '"': case '\\': case '/': buf_putc(out, e); break;
    case 'b': buf_putc(out, '\b'); break;
    case 'f': buf_putc(out, '\f'); break;
    case 'n': buf_putc(out, '\n'); break;
    case 'r': buf_putc(out, '\r'); break;
    case 't': buf_putc(out, '\t'); break;
    case 'u': {
      int cp = hex4(r);
      if (cp < 0)
        return false;
      if (cp >= 0xd800 && cp < 0xdc00 && r->n - r->i >= 6 && r->s[r->i] == '\\' &&
          r->s[r->i + 1] == 'u') {
        size_t save = r->i;
        r->i += 2;
        int lo = hex4(r);
        if (lo >= 0xdc00 && lo < 0xe000)
          cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
        else
          r->i = save;
      }
      put_utf8(out, (unsigned)cp);
      break;
    }
    default:
      return false;
    }
  }
}

static json_val *read_value(reader *r);

static json_val *read_container(reader *r, bool object) {
  json_val *v = new_val(object ? JSON_OBJ : JSON_ARR);
  char close = object ? '}' : ']';
  skip_ws(r);
  if (r->i < r->n && r->s[r->i] == close) {
    r->i++;
    return v;
  }
  for (;;) {
    char *key = NULL;
    if (object) {
      skip_ws(r);
      buf k = {0};
      if (r->i >= r->n || r->s[r->i] != '"') {
        json_free(v);
        return NULL;
      }
      r->i++;
      if (!read_string(r, &k)) {
        buf_free(&k);
        json_free(v);
        return NULL;
      }
      key = k.s ? buf_take(&k) : xstrdup("");
      skip_ws(r);
      if (r->i >= r->n || r->s[r->i] != ':') {
        free(key);
        json_free(v);
        return NULL;
      }
      r->i++;
    }
    json_val *item = read_value(r);
    if (!item) {
      free(key);
      json_free(v);
      return NULL;
    }
    if (object) {
      json_set(v, key, item);
      free(key);
    } else {
      json_push(v, item);
    }
    skip_ws(r);
    if (r->i < r->n && r->s[r->i] == ',') {
      r->i++;
      continue;
    }
    if (r->i < r->n && r->s[r->i] == close) {
      r->i++;
      return v;
    }
    json_free(v);
    return NULL;
  }
}

static json_val *read_value(reader *r) {
  skip_ws(r);
  if (r->i >= r->n || r->depth > 200)
    return NULL;
  char c = r->s[r->i];
  if (c == '{' || c == '[') {
    r->i++;
    r->depth++;
    json_val *v = read_container(r, c == '{');
    r->depth--;
    return v;
  }
  if (c == '"') {
    r->i++;
    buf b = {0};
    if (!read_string(r, &b)) {
      buf_free(&b);
      return NULL;
    }
    json_val *v = new_val(JSON_STR);
    v->len = b.len;
    v->s = b.s ? buf_take(&b) : xstrdup("");
    return v;
  }
  static const struct {
    const char *word;
    json_kind kind;
    bool b;
  } words[] = {{"null", JSON_NULL, false}, {"true", JSON_BOOL, true}, {"false", JSON_BOOL, false}};
  for (size_t k = 0; k < sizeof words / sizeof *words; k++) {
    size_t wl = strlen(words[k].word);
    if (r->n - r->i >= wl && !memcmp(r->s + r->i, words[k].word, wl)) {
      r->i += wl;
      json_val *v = new_val(words[k].kind);
      v->b = words[k].b;
      return v;
    }
  }
  size_t b = r->i;
  while (r->i < r->n && strchr("+-0123456789.eE", r->s[r->i]))
    r->i++;
  if (r->i == b)
    return NULL;
  json_val *v = new_val(JSON_NUM);
  v->s = xstrndup(r->s + b, r->i - b);
  v->len = r->i - b;
  return v;
}

json_val *json_parse(const char *text, size_t n) {
  reader r = {text, 0, n, 0};
  json_val *v = read_value(&r);
  skip_ws(&r);
  if (v && r.i != n) {
    json_free(v);
    return NULL;
  }
  return v;
}

void json_free(json_val *v) {
  if (!v)
    return;
  for (size_t i = 0; i < v->n; i++) {
    json_free(v->items[i]);
    if (v->keys)
      free(v->keys[i]);
  }
  free(v->items);
  free(v->keys);
  free(v->s);
  free(v);
}

json_val *json_copy(const json_val *v) {
  if (!v)
    return NULL;
  json_val *c = new_val(v->kind);
  c->b = v->b;
  if (v->s) {
    c->s = xmalloc(v->len + 1);
    memcpy(c->s, v->s, v->len + 1);
    c->len = v->len;
  }
  for (size_t i = 0; i < v->n; i++) {
    if (v->kind == JSON_OBJ)
      json_set(c, v->keys[i], json_copy(v->items[i]));
    else
      json_push(c, json_copy(v->items[i]));
  }
  return c;
}

void json_write_string(buf *out, const char *s, size_t n) {
  buf_putc(out, '"');
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == '"' || c == '\\') {
      buf_putc(out, '\\');
      buf_putc(out, (char)c);
    } else if (c == '\n') {
      buf_puts(out, "\\n");
    } else if (c == '\t') {
      buf_puts(out, "\\t");
    } else if (c == '\r') {
      buf_puts(out, "\\r");
    } else if (c < 0x20) {
      buf_printf(out, "\\u%04x", c);
    } else {
      buf_putc(out, (char)c);
    }
  }
  buf_putc(out, '"');
}

void json_write(const json_val *v, buf *out) {
  switch (v->kind) {
  case JSON_NULL: buf_puts(out, "null"); break;
  case JSON_BOOL: buf_puts(out, v->b ? "true" : "false"); break;
  case JSON_NUM: buf_put(out, v->s, v->len); break;
  case JSON_STR: json_write_string(out, v->s, v->len); break;
  case JSON_ARR:
  case JSON_OBJ:
    buf_putc(out, v->kind == JSON_OBJ ? '{' : '[');
    for (size_t i = 0; i < v->n; i++) {
      if (i)
        buf_putc(out, ',');
      if (v->kind == JSON_OBJ) {
        json_write_string(out, v->keys[i], strlen(v->keys[i]));
        buf_putc(out, ':');
      }
      json_write(v->items[i], out);
    }
    buf_putc(out, v->kind == JSON_OBJ ? '}' : ']');
    break;
  }
}

char *json_text(const json_val *v) {
  buf b = {0};
  json_write(v, &b);
  return buf_take(&b);
}

json_val *json_get(const json_val *v, const char *key) {
  if (!v || v->kind != JSON_OBJ)
    return NULL;
  for (size_t i = 0; i < v->n; i++)
    if (!strcmp(v->keys[i], key))
      return v->items[i];
  return NULL;
}

json_val *json_at(const json_val *v, ...) {
  va_list ap;
  va_start(ap, v);
  const char *key;
  json_val *cur = (json_val *)v;
  while (cur && (key = va_arg(ap, const char *)))
    cur = json_get(cur, key);
  va_end(ap);
  return cur;
}

const char *json_str(const json_val *v, const char *key) {
  json_val *m = json_get(v, key);
  return m && m->kind == JSON_STR ? m->s : NULL;
}

long long json_int(const json_val *v, long long def) {
  if (!v || v->kind != JSON_NUM)
    return def;
  return strtoll(v->s, NULL, 10);
}

json_val *json_null(void) { return new_val(JSON_NULL); }

json_val *json_bool(bool b) {
  json_val *v = new_val(JSON_BOOL);
  v->b = b;
  return v;
}

json_val *json_num(long long n) {
  json_val *v = new_val(JSON_NUM);
  v->s = xasprintf("%lld", n);
  v->len = strlen(v->s);
  return v;
}

json_val *json_string(const char *s) {
  json_val *v = new_val(JSON_STR);
  v->s = xstrdup(s);
  v->len = strlen(s);
  return v;
}

json_val *json_array(void) { return new_val(JSON_ARR); }
json_val *json_object(void) { return new_val(JSON_OBJ); }

static void grow(json_val *v) {
  if (v->n < v->cap)
    return;
  v->cap = v->cap ? 2 * v->cap : 4;
  v->items = xrealloc(v->items, v->cap * sizeof *v->items);
  if (v->kind == JSON_OBJ)
    v->keys = xrealloc(v->keys, v->cap * sizeof *v->keys);
}

void json_set(json_val *o, const char *key, json_val *v) {
  for (size_t i = 0; i < o->n; i++)
    if (!strcmp(o->keys[i], key)) {
      json_free(o->items[i]);
      o->items[i] = v;
      return;
    }
  grow(o);
  o->keys[o->n] = xstrdup(key);
  o->items[o->n++] = v;
}

void json_push(json_val *a, json_val *v) {
  grow(a);
  a->items[a->n++] = v;
}

json_val *json_take(json_val *o, const char *key) {
  if (!o || o->kind != JSON_OBJ)
    return NULL;
  for (size_t i = 0; i < o->n; i++)
    if (!strcmp(o->keys[i], key)) {
      json_val *v = o->items[i];
      free(o->keys[i]);
      memmove(o->items + i, o->items + i + 1, (o->n - i - 1) * sizeof *o->items);
      memmove(o->keys + i, o->keys + i + 1, (o->n - i - 1) * sizeof *o->keys);
      o->n--;
      return v;
    }
  return NULL;
}
