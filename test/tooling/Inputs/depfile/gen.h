#define GEN_SECOND 0
