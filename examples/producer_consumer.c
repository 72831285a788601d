/* producer_consumer.c - an async generator feeding a slow consumer:
 * backpressure by design.
 *
 * Shows:
 *  - yc_async_generator(int) producer(): `yield(i)` hands one item to the
 *    consumer, `await(yc_sleep(0))` gives control back to the event loop;
 *  - a yc_async(int) consumer pulling items with
 *    `while (await_next(s, &item))` (Python's `async for`) and sleeping
 *    after each one (a slow consumer);
 *  - pull-based flow: the producer runs only when the consumer asks for
 *    the next item, so "produced" and "consumed" strictly alternate, the
 *    producer never runs ahead and nothing is buffered;
 *  - the producer's lead over the consumer, measured, is never more than 1;
 *  - a consumer that stops early (after 3 items) and frees the stream: the
 *    producer is closed at its suspension point and its cleanup runs.
 *
 * Mirrors TUTORIAL.md, part 2: section 3 (Async Generators + Backpressure,
 * "Example: Producer vs Consumer speed"). */
#include <stdio.h>

#include <yieldc.h>

static int produced, consumed, max_lead;

static void note_lead(void) {
  if (produced - consumed > max_lead)
    max_lead = produced - consumed;
}

/* async def producer() -> AsyncIterator[int] */
yc_async_generator(int) producer(int n) {
  for (int i = 0; i < n; i++) {
    printf("produced %d\n", i);
    produced++;
    note_lead();
    yield(i);
    await(yc_sleep(0)); /* give control back */
  }
  printf("producer: done\n");
}

/* async def consumer() -> int: returns the sum of the items. */
yc_async(int) consumer(void) {
  int total = 0, item;
  yc_agen *s = producer(5);
  while (await_next(s, &item)) {
    printf("consumed %d\n", item);
    consumed++;
    total += item;
    await(yc_sleep(20)); /* slow consumer */
  }
  yc_free(s);
  yc_return(total);
}

static void say_closed(const char **name) {
  printf("%s: closed, cleanup ran\n", *name);
}

/* A producer that would go on forever; its cleanup shows when it is closed. */
yc_async_generator(int) ticker(void) {
  __attribute__((cleanup(say_closed))) const char *name = "ticker";
  for (int i = 0;; i++) {
    printf("%s: produced %d\n", name, i);
    yield(i);
    await(yc_sleep(0));
  }
}

/* Takes three items, then stops asking and frees the stream. */
yc_async(void) impatient(void) {
  int item;
  yc_agen *s = ticker();
  while (await_next(s, &item)) {
    printf("impatient: consumed %d\n", item);
    if (item == 2)
      break;
    await(yc_sleep(5));
  }
  printf("impatient: stop asking\n");
  yc_free(s);
}

int main(void) {
  int total = 0;
  int err = yc_run(consumer(), &total);
  if (err) {
    printf("error: %s\n", yc_strerror(err));
    return 1;
  }
  printf("total: %d\n", total);
  printf("max lead of producer over consumer: %d\n", max_lead);

  err = yc_run(impatient(), NULL);
  if (err) {
    printf("error: %s\n", yc_strerror(err));
    return 1;
  }
  return 0;
}
