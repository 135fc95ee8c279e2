using Akka.Actor;
using Akka.Configuration;
using FgsActors.Models.Federated;

namespace FgsActors.Actors.Training;

/// <summary>
/// A pool of trainer actors on a dedicated dispatcher with one thread per trainer, in an actor system of its own so
/// that training never competes with the kernel's partition threads for dispatcher slots. Jobs go to the trainers in
/// turn; each trainer runs one job at a time. Disposing the pool stops its actor system.
/// </summary>
public sealed class TrainerPool : IJobRunner, IDisposable
{
    public const string DispatcherId = "fgs.training.trainer-dispatcher";

    private readonly ActorSystem _system;
    private readonly IActorRef[] _trainers;
    private long _next;
    private long _busyTicks;
    private readonly object _activity = new();
    private int _active;
    private long _anyBusySince;
    private long _anyBusyTicks;

    /// <param name="workers">Trainer actors (and threads), ≥ 1.</param>
    /// <param name="onTrainerStart">Run once on each trainer's thread before its first job.</param>
    public TrainerPool(int workers, Action? onTrainerStart = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        _system = ActorSystem.Create("fgs-trainers", ConfigurationFactory.ParseString($$"""
            {{DispatcherId}} {
              type = ForkJoinDispatcher
              throughput = 1
              dedicated-thread-pool {
                thread-count = {{workers}}
                threadtype = background
              }
            }
            akka.coordinated-shutdown.run-by-clr-shutdown-hook = off
            akka.loglevel = WARNING
            akka.stdout-loglevel = WARNING
            akka.log-dead-letters = off
            """));
        _trainers = new IActorRef[workers];
        for (var i = 0; i < workers; i++)
            _trainers[i] = _system.ActorOf(Props.Create(() => new TrainerActor(onTrainerStart)).WithDispatcher(DispatcherId), $"trainer-{i}");
        Workers = workers;
    }

    public int Workers { get; }

    /// <summary>Wall-clock time the trainers spent running jobs, summed over trainers, s.</summary>
    public double BusySeconds => TimeSpan.FromTicks(Interlocked.Read(ref _busyTicks)).TotalSeconds;

    /// <summary>Wall-clock time during which at least one trainer was running a job, s.</summary>
    public double AnyBusySeconds
    {
        get
        {
            lock (_activity)
            {
                var open = _active > 0 ? System.Diagnostics.Stopwatch.GetElapsedTime(_anyBusySince).Ticks : 0;
                return TimeSpan.FromTicks(_anyBusyTicks + open).TotalSeconds;
            }
        }
    }

    public Task<T> Run<T>(Func<T> job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var done = new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var trainer = _trainers[(int)((ulong)Interlocked.Increment(ref _next) % (ulong)_trainers.Length)];
        trainer.Tell(new TrainerJob(() =>
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            lock (_activity)
            {
                if (_active++ == 0) _anyBusySince = started;
            }
            try
            {
                return job();
            }
            finally
            {
                Interlocked.Add(ref _busyTicks, System.Diagnostics.Stopwatch.GetElapsedTime(started).Ticks);
                lock (_activity)
                {
                    if (--_active == 0) _anyBusyTicks += System.Diagnostics.Stopwatch.GetElapsedTime(_anyBusySince).Ticks;
                }
            }
        }, done));
        return done.Task.ContinueWith(static t => (T)t.GetAwaiter().GetResult()!, TaskContinuationOptions.ExecuteSynchronously);
    }

    public void Dispose() => _system.Terminate().Wait(TimeSpan.FromSeconds(30));
}
