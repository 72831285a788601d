/* channel_backpressure.c - a bounded channel between a fast producer task
 * and a slow consumer task: the producer is held back, memory stays flat.
 *
 * Shows:
 *  - yc_chan_new(3, sizeof(int)): a channel buffering at most 3 items;
 *  - yc_spawn of a producer and a consumer task, awaited in turn;
 *  - `await(yc_chan_send(ch, &i), int)` suspends while the channel is full
 *    (backpressure), so the producer can never run ahead of the consumer by
 *    more than the capacity plus the one item the consumer is working on;
 *  - `await(yc_chan_recv(ch, &item), bool)` as a loop condition; closing
 *    the channel delivers what is buffered, then recv is false;
 *  - the program measures the producer's lead and the channel's length
 *    (yc_chan_len) after every send and prints their maxima: 4 (capacity+1)
 *    and 3 (the capacity) however many items go through.
 * The Python twin has a small channel class with the same rules (asyncio's
 * Queue has no rendezvous and a waiting getter does not own the next put).
 *
 * Mirrors TUTORIAL.md, part 2: section 3 (backpressure; the bounded version
 * of the "BAD push-based approach"). */
#include <stdio.h>

#include <yieldc.h>

enum { CAPACITY = 3, ITEMS = 20 };

static int sent, consumed, max_lead;
static size_t max_buffered;

yc_async(void) producer(yc_chan *ch, int n) {
  for (int i = 0; i < n; i++) {
    int err = await(yc_chan_send(ch, &i), int);
    if (err) {
      printf("producer: send failed: %s\n", yc_strerror(err));
      yc_raise(err);
    }
    sent++;
    int lead = sent - consumed;
    if (lead > max_lead)
      max_lead = lead;
    if (yc_chan_len(ch) > max_buffered)
      max_buffered = yc_chan_len(ch);
    if (lead > 1)
      printf("producer: sent %d, ahead of the consumer by %d\n", i, lead);
    else
      printf("producer: sent %d\n", i);
  }
  yc_chan_close(ch);
  printf("producer: done, channel closed\n");
}

yc_async(int) consumer(yc_chan *ch) {
  int item, total = 0;
  while (await(yc_chan_recv(ch, &item), bool)) {
    printf("consumer: got %d\n", item);
    await(yc_sleep(5)); /* slow consumer */
    consumed++;
    total += item;
  }
  printf("consumer: channel drained\n");
  yc_return(total);
}

yc_async(int) amain(void) {
  yc_chan *ch = yc_chan_new(CAPACITY, sizeof(int));
  if (!ch)
    yc_raise(YC_ENOMEM);
  yc_task *p = yc_spawn(producer(ch, ITEMS));
  yc_task *c = yc_spawn(consumer(ch));
  await(p);
  int total = await(c, int);
  yc_chan_free(ch);
  printf("total: %d\n", total);
  printf("max lead: %d (capacity %d + 1)\n", max_lead, CAPACITY);
  printf("max buffered: %zu\n", max_buffered);
  yc_return(0);
}

int main(void) {
  int err = yc_run(amain(), NULL);
  if (err) {
    printf("error: %s\n", yc_strerror(err));
    return 1;
  }
  return 0;
}
