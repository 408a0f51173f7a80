/** A small stderr spinner for long work on a TTY; silent otherwise (and always with --json). */
export interface Progress {
  update(text: string): void;
  stop(): void;
}

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

export function createProgress(enabled: boolean, write: (text: string) => void): Progress {
  if (!enabled) return { update() {}, stop() {} };
  let text = '';
  let frame = 0;
  const draw = () => write(`\r\x1b[2K${FRAMES[frame++ % FRAMES.length]} ${text}`);
  const timer = setInterval(draw, 80);
  timer.unref();
  return {
    update(next) {
      text = next;
      draw();
    },
    stop() {
      clearInterval(timer);
      write('\r\x1b[2K');
    },
  };
}
