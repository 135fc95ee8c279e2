using FgsActors.Simulation.Events;
using FgsActors.Simulation.Kernel;

namespace FgsActors.Actors.Tests.Kernel.Support;

/// <summary>One future of a <see cref="FutureModel"/>: entity <paramref name="Entity"/> handles an event at <paramref name="Time"/> whose payload is <paramref name="Value"/>.</summary>
public sealed record FutureSpec(int Entity, long Time, long Value);

/// <summary>
/// A busy deterministic model in which a few events carry a <see cref="Task{TResult}"/> of long payload (a "future").
/// Every entity ticks on its own period and messages other entities every third tick (delays of
/// L, L+13, L+26, L+39), so partitions talk to each other all the time. The entity owning a future handles
/// it at its time, logs the task's result and sends a reply to entity (result mod N): the result changes
/// the run, so it must be the same in every run.
/// <para><see cref="Completed"/> builds the model with finished tasks; <see cref="Late"/> with tasks that
/// another thread completes <c>delay</c> after the first entity starts, one after another.</para>
/// </summary>
public sealed class FutureModel : ISimulationModel
{
    public const int TickKind = 1, MessageKind = 2, FutureKind = 3, ReplyKind = 4;

    private readonly Task<long>[] _futures;
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private FutureModel(int entities, long lookahead, long endTime, IReadOnlyList<FutureSpec> specs, Task<long>[] futures)
    {
        EntityCount = entities;
        Lookahead = lookahead;
        EndTime = endTime;
        Specs = specs;
        _futures = futures;
        Log = new EntityLog(entities);
    }

    public static FutureModel Completed(int entities, long lookahead, long endTime, IReadOnlyList<FutureSpec> specs) =>
        new(entities, lookahead, endTime, specs, specs.Select(s => Task.FromResult(s.Value)).ToArray());

    /// <summary>
    /// Futures completed by a background thread: it waits for the run to start, then <paramref name="delay"/>,
    /// then completes them in order, <paramref name="gap"/> apart, noting how many events had been handled
    /// just before each completion (<see cref="EventsBeforeCompletion"/>).
    /// </summary>
    public static FutureModel Late(int entities, long lookahead, long endTime, IReadOnlyList<FutureSpec> specs, TimeSpan delay, TimeSpan gap)
    {
        // Half of them resume the partition on the completing thread, half through the thread pool.
        var sources = specs.Select((_, i) => new TaskCompletionSource<long>(i % 2 == 0 ? TaskCreationOptions.None : TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var model = new FutureModel(entities, lookahead, endTime, specs, sources.Select(s => s.Task).ToArray());
        model.EventsBeforeCompletion = new int[specs.Count];
        model.Completer = Task.Run(async () =>
        {
            await model._started.Task.ConfigureAwait(false);
            await Task.Delay(delay).ConfigureAwait(false);
            for (var i = 0; i < sources.Length; i++)
            {
                model.EventsBeforeCompletion[i] = model.Log.Total;
                sources[i].SetResult(specs[i].Value);
                await Task.Delay(gap).ConfigureAwait(false);
            }
        });
        return model;
    }

    public IReadOnlyList<FutureSpec> Specs { get; }
    public EntityLog Log { get; }
    public int[] EventsBeforeCompletion { get; private set; } = [];
    public Task Completer { get; private set; } = Task.CompletedTask;

    public string Name => "future-test";
    public int EntityCount { get; }
    public long Lookahead { get; }
    public long EndTime { get; }
    public ulong Seed => 3;

    public IEntity CreateEntity(int id) => new Entity(this, id);

    /// <summary>Tick period of an entity: 40..68 ticks.</summary>
    public static long Period(int id) => 40 + id % 5 * 7;

    private sealed class Entity(FutureModel model, int id) : IEntity
    {
        public void Start(IEventContext context)
        {
            model._started.TrySetResult();
            context.Schedule(id * 7 % 50, TickKind, data: 0);
            for (var i = 0; i < model.Specs.Count; i++)
            {
                if (model.Specs[i].Entity == id) context.Schedule(model.Specs[i].Time, FutureKind, data: i, payload: model._futures[i]);
            }
        }

        public void Handle(in SimEvent ev, IEventContext context)
        {
            switch (ev.Kind)
            {
                case TickKind:
                    model.Log.Record(id, ev);
                    var k = ev.Data;
                    if (k % 3 == 2) context.Send(Other((int)((id * 7 + k) % model.EntityCount)), context.Lookahead + k % 4 * 13, MessageKind, k);
                    context.Schedule(Period(id), TickKind, k + 1);
                    break;
                case FutureKind:
                    if (ev.Payload is not Task<long> { IsCompletedSuccessfully: true } task)
                        throw new InvalidOperationException($"entity {id} handled its future at t={ev.Time} before the value existed");
                    model.Log.Record(id, ev, task.Result);
                    context.Send(Other((int)(task.Result % model.EntityCount)), context.Lookahead, ReplyKind, task.Result);
                    break;
                default:
                    model.Log.Record(id, ev);
                    break;
            }
        }

        private int Other(int target) => target == id ? (target + 1) % model.EntityCount : target;
    }
}
