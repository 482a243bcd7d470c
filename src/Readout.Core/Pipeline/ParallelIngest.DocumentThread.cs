namespace Readout.Pipeline;

public sealed partial class ParallelIngest
{
    /// <summary>
    /// A thread of a parallel ingest that runs documents one after another, and what it runs now: the writer asks it,
    /// as it waits, whether that document has run past its time and, if so, takes it over (reports it as too slow); the
    /// thread, when its document ends, learns that it was given up on and ends instead of reporting it. The lock makes
    /// the two exclusive: a document is reported once, by the thread or by the writer.
    /// </summary>
    /// <typeparam name="T">What a document is to the ingest (its slot).</typeparam>
    private sealed class DocumentThread<T> where T : class
    {
        private readonly Lock _gate = new();
        private T? _current;
        private long _since;   // Stopwatch timestamp of the current document's start
        private bool _givenUp;
        private Thread? _thread;

        public void Start(Action loop)
        {
            // a background thread: one left in a document that never ends does not keep the process alive
            _thread = new Thread(new ThreadStart(loop)) { IsBackground = true, Name = "readout document" };
            _thread.Start();
        }

        /// <summary>Whether the thread ended within <paramref name="wait"/> (none left: at once).</summary>
        public bool Join(TimeSpan wait) => _thread is null || _thread.Join(wait > TimeSpan.Zero ? wait : TimeSpan.Zero);

        public void Begin(T slot)
        {
            lock (_gate)
            {
                _current = slot;
                _since = System.Diagnostics.Stopwatch.GetTimestamp();
            }
        }

        /// <summary>The document is done: false when it was given up on meanwhile (the thread should end).</summary>
        public bool End()
        {
            lock (_gate)
            {
                _current = null;
                return !_givenUp;
            }
        }

        /// <summary>The document running past <paramref name="limit"/>, now given up on, or null.</summary>
        public T? GiveUpIfPast(TimeSpan limit)
        {
            lock (_gate)
            {
                if (_current is null || _givenUp || System.Diagnostics.Stopwatch.GetElapsedTime(_since) < limit) return null;
                _givenUp = true;
                var late = _current;
                _current = null;
                return late;
            }
        }
    }
}
