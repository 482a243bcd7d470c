namespace Readout.Pipeline;

/// <summary>
/// Dedicated threads that run one piece of work at a time for <see cref="DocumentRunner"/>, kept and reused
/// from one document to the next. Starting a thread per document cost more than the pipeline itself on short
/// wires (thread start-up, a wait handle to finalise, and the array pools' per-thread caches that every Gen 2
/// collection walks). The caller waits for its work through wait handles, never on the lane's thread, so
/// Ctrl+C and the time budget take effect at once; a lane whose work is given up on is abandoned (its
/// thread ends when the work does) and never reused.
/// </summary>
internal sealed class WorkLanes : IDisposable
{
    private readonly System.Collections.Concurrent.ConcurrentBag<Lane> _idle = [];
    private readonly int _keep;
    private int _kept;
    private volatile bool _disposed;

    /// <param name="keep">Idle lanes kept at most; more are ended when their work is done.</param>
    public WorkLanes(int keep) => _keep = Math.Max(1, keep);

    /// <summary>
    /// Runs <paramref name="work"/> on a lane and waits for it, or for <paramref name="ct"/>, at most
    /// <paramref name="timeout"/>. The work's exception is rethrown as it was thrown (stack trace kept).
    /// </summary>
    /// <returns>false when the wait ran past <paramref name="timeout"/> (the work is left to finish on its own).</returns>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> fired first.</exception>
    public bool TryRun<T>(Func<T> work, TimeSpan timeout, CancellationToken ct, out T result)
    {
        var lane = Take();
        var job = new Job<T>(work);
        lane.Start(job);
        bool done;
        try
        {
            done = lane.Done.Wait(timeout, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // work done by the time the caller cancelled counts, as a wait on both handles gave it first
            if (!lane.Done.IsSet)
            {
                lane.Abandon();
                throw;
            }
            done = true;
        }
        if (!done)
        {
            lane.Abandon();
            result = default!;
            return false;
        }
        Return(lane);
        result = job.Result();
        return true;
    }

    private Lane Take()
    {
        if (_idle.TryTake(out var lane))
        {
            Interlocked.Decrement(ref _kept);
            return lane;
        }
        return new Lane();
    }

    private void Return(Lane lane)
    {
        if (!_disposed && Interlocked.Increment(ref _kept) <= _keep)
        {
            _idle.Add(lane);
            // disposed meanwhile: the drain may have run before the add, so end what is idle now
            if (_disposed) EndIdle();
        }
        else
        {
            if (!_disposed) Interlocked.Decrement(ref _kept);
            lane.Abandon();
        }
    }

    /// <summary>Ends the idle lanes' threads; work running now finishes on its lane, which then ends too.</summary>
    public void Dispose()
    {
        _disposed = true;
        EndIdle();
    }

    private void EndIdle()
    {
        while (_idle.TryTake(out var lane)) lane.Abandon();
    }

    private interface IJob
    {
        void Run();
    }

    private sealed class Job<T>(Func<T> work) : IJob
    {
        private T _value = default!;
        private System.Runtime.ExceptionServices.ExceptionDispatchInfo? _error;

        public void Run()
        {
            // every exception is handed to the waiting caller, which turns it into the document's numbered error
            try { _value = work(); }
            catch (Exception e) { _error = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e); }
        }

        public T Result()
        {
            _error?.Throw();
            return _value;
        }
    }

    /// <summary>
    /// One background thread with a slot for the next job. Disposing it abandons it: its thread disposes the events when
    /// it ends. The events are the slim ones, which wait in the process: with the operating system's wait handles a
    /// document's hand-off took 14.9 µs, with these 4.0 µs (<c>HandOffBenchmarks</c>, two callers at once).
    /// </summary>
    private sealed class Lane : IDisposable
    {
        private readonly SemaphoreSlim _go = new(0);
        private readonly Lock _gate = new();
        private IJob? _job;
        private bool _abandoned;

        /// <summary>Set when the job in hand is done (reset by the next <see cref="Start"/>).</summary>
        public ManualResetEventSlim Done { get; } = new(false);

        public Lane()
        {
            var thread = new Thread(Loop) { IsBackground = true, Name = "readout document" };
            thread.Start();
        }

        public void Start(IJob job)
        {
            Done.Reset();
            _job = job;
            _go.Release();
        }

        public void Dispose() => Abandon();

        /// <summary>No more jobs: the thread ends once the job in hand (if any) is done.</summary>
        public void Abandon()
        {
            // under the lock: the thread disposes its events under it, once it has seen the flag
            lock (_gate)
            {
                _abandoned = true;
                _go.Release();
            }
        }

        private void Loop()
        {
            while (true)
            {
                _go.Wait();
                var job = Interlocked.Exchange(ref _job, null);
                job?.Run();
                lock (_gate)
                {
                    if (_abandoned)
                    {
                        _go.Dispose();
                        Done.Dispose();
                        return;
                    }
                }
                if (job is not null) Done.Set();
            }
        }
    }
}
