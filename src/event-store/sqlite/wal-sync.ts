import { close, fdatasync, open } from 'node:fs';
import { promisify } from 'node:util';

const openFile = promisify(open);
// As SQLite itself syncs on Linux: the data, and the file's size when it grew.
const syncFile = promisify(fdatasync);
const closeFile = promisify(close);

/**
 * Makes the commits of a database in WAL mode durable off the event loop. The connection commits
 * with `synchronous = NORMAL` (the commit reaches the operating system, not yet the disk); this then
 * fsyncs the write-ahead log on libuv's thread pool, which is what `synchronous = FULL` would have
 * done inside COMMIT, blocking every request meanwhile. One fsync covers every commit made before
 * it started, so commits made while one runs share the next.
 */
export class WalSync {
  private readonly waiting: ((error?: unknown) => void)[] = [];
  private running: Promise<void> | undefined;
  private fd: number | undefined;

  constructor(
    private readonly walPath: string,
    /** The fsync itself; a test counts them. */
    private readonly sync: (fd: number) => Promise<void> = syncFile,
  ) {}

  /** Resolves once every commit made before the call is on disk; call it after COMMIT returned. */
  afterCommit(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push((error) => (error === undefined ? resolve() : reject(error)));
      this.startNext();
    });
  }

  /** Waits for the fsyncs asked for, then lets the log's file go. */
  async close(): Promise<void> {
    while (this.running) await this.running;
    const fd = this.fd;
    this.fd = undefined;
    if (fd !== undefined) await closeFile(fd);
  }

  private startNext(): void {
    if (this.running || this.waiting.length === 0) return;
    const covered = this.waiting.splice(0);
    this.running = this.syncOnce()
      .then(
        () => covered.forEach((done) => done()),
        (error: unknown) => covered.forEach((done) => done(error)),
      )
      .finally(() => {
        this.running = undefined;
        this.startNext();
      });
  }

  private async syncOnce(): Promise<void> {
    // The log exists once the connection has committed, and stays while it is open (a checkpoint
    // truncates it in place), so one descriptor serves for the life of the store.
    this.fd ??= await openFile(this.walPath, 'r+');
    await this.sync(this.fd);
  }
}
