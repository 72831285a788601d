/* A header whose path needs escaping in a Make rule (test/tooling/depfile.c). */
#define STEP 2
