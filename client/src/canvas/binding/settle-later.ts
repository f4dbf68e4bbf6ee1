/**
 * Runs `work` once things have been quiet for `ms`: each `schedule()` postpones it. `flush()` runs
 * it now if it is due (a reader that needs it done), `stop()` forgets it.
 */
export class SettleLater {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly work: () => void,
    private readonly ms: number,
  ) {}

  schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.ms);
  }

  flush(): void {
    if (this.timer === undefined) return;
    this.stop();
    this.work();
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
