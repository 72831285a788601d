/* json.h - JSON values for the language server (lsp.c): parse a message,
 * look into it, build one, write it back.  Numbers keep the text they were
 * written with, so a request's id goes back exactly as it came. */
#ifndef YC_JSON_H
#define YC_JSON_H

#include <stdbool.h>
#include <stddef.h>

#include "util.h"

typedef enum { JSON_NULL, JSON_BOOL, JSON_NUM, JSON_STR, JSON_ARR, JSON_OBJ } json_kind;

typedef struct json_val json_val;
struct json_val {
  json_kind kind;
  bool b;
  char *s; /* JSON_STR: the string (NUL-terminated, may hold NULs up to len);
              JSON_NUM: the number's text */
  size_t len;
  /* JSON_ARR, JSON_OBJ: the items (and, for an object, their keys) */
  json_val **items;
  char **keys;
  size_t n, cap;
};

/* Parses text[0, n); NULL when it is not one JSON value. */
json_val *json_parse(const char *text, size_t n);
void json_free(json_val *v);
json_val *json_copy(const json_val *v);
/* Writes v compactly. */
void json_write(const json_val *v, buf *out);
/* Writes s as a JSON string literal. */
void json_write_string(buf *out, const char *s, size_t n);
/* v serialised, malloc'd. */
char *json_text(const json_val *v);

/* Member key of object v, or NULL (also when v is NULL or no object). */
json_val *json_get(const json_val *v, const char *key);
/* A path of members: json_at(v, "params", "textDocument", "uri", NULL). */
json_val *json_at(const json_val *v, ...);
/* The string member key, or NULL. */
const char *json_str(const json_val *v, const char *key);
/* The integer value of v (a number), or def. */
long long json_int(const json_val *v, long long def);

json_val *json_null(void);
json_val *json_bool(bool b);
json_val *json_num(long long n);
json_val *json_string(const char *s);
json_val *json_array(void);
json_val *json_object(void);
/* Adds (or replaces) member key of object o; takes v. */
void json_set(json_val *o, const char *key, json_val *v);
/* Appends v to array a; takes v. */
void json_push(json_val *a, json_val *v);
/* Removes member key of o and returns it (the caller owns it), or NULL. */
json_val *json_take(json_val *o, const char *key);

#endif
