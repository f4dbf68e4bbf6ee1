/** Frames handed to Hocuspocus per turn of the event loop, per socket. */
const FRAMES_PER_TURN = 16;

/**
 * Hands one socket's frames to Hocuspocus a few at a time, one batch per turn of the event loop.
 * A socket may send a burst of hundreds of frames in one TCP read, and Hocuspocus applies a
 * connection's queue in one run of promise callbacks when nothing in it waits for I/O, so a
 * burst would otherwise hold the loop (and every other client) for its whole length. The queue
 * here is bounded by the socket's message budget, which is checked before a frame gets in.
 */
export class FrameFeeder {
  private readonly queue: Uint8Array[] = [];
  private scheduled = false;

  constructor(private readonly deliver: (frame: Uint8Array) => void) {}

  push(frame: Uint8Array): void {
    this.queue.push(frame);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(this.drain);
    }
  }

  /** Delivers what is still waiting, in order; for when the socket closes. */
  flush(): void {
    for (const frame of this.queue.splice(0)) this.deliver(frame);
  }

  /**
   * Drops what is still waiting; for a socket the server refused (rate-limited, too slow to
   * authenticate). Nothing of it was acknowledged, so its client still holds those changes.
   */
  discard(): void {
    this.queue.length = 0;
  }

  private readonly drain = (): void => {
    this.scheduled = false;
    for (const frame of this.queue.splice(0, FRAMES_PER_TURN)) this.deliver(frame);
    if (this.queue.length > 0 && !this.scheduled) {
      this.scheduled = true;
      setImmediate(this.drain);
    }
  };
}
