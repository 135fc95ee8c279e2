using System.Diagnostics;
using FgsActors.Actors.Kernel;
using FgsActors.Simulation.Events;
using FgsActors.Simulation.Kernel;
using FgsActors.Simulation.Workloads.Phold;

namespace FgsActors.Actors.Tests.Kernel;

/// <summary>
/// <c>fgs.kernel.entity-delivery</c> = direct (invoke the entity actor's cell) and = mailbox (Tell through its
/// one-slot mailbox) change only how an event reaches the entity, never the result.
/// </summary>
public class EntityDeliveryTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly PholdSettings Settings = new(Lps: 2_000, EventsPerLp: 1, Remote: 0.9, LookaheadSeconds: 0.1, MeanSeconds: 1.0, EndSeconds: 10, Seed: 11);
    private static readonly Lazy<SequentialPhold.Result> Reference = new(() => SequentialPhold.Run(Settings));

    public static TheoryData<EntityDelivery, int> Layouts() => new()
    {
        { EntityDelivery.Direct, 3 },
        { EntityDelivery.Mailbox, 3 },
        { EntityDelivery.Direct, 8 },
        { EntityDelivery.Mailbox, 8 },
    };

    [Theory]
    [MemberData(nameof(Layouts))]
    public async Task PholdChecksumEqualsSequentialReferenceWithEitherDelivery(EntityDelivery delivery, int partitions)
    {
        var report = await KernelRunner.RunLocalAsync(new PholdModel(Settings), partitions, workers: 2, delivery: delivery).WaitAsync(Timeout);
        Assert.True(Reference.Value.Events > 15_000, $"the run is too small to mean anything: {Reference.Value.Events} events");
        Assert.Equal(partitions, report.Partitions);
        Assert.Equal(Reference.Value.Events, report.Result.Events);
        Assert.Equal(Reference.Value.Digest, report.Result.EventDigest);
    }

    /// <summary>
    /// The setting is honoured: with mailbox delivery the entity's code runs under the entity's mailbox
    /// (Akka's <see cref="Akka.Dispatch.Mailbox"/> run loop sits between the partition's host and the entity),
    /// with direct delivery it does not. Either way it runs on the partition's thread, inside the host's call.
    /// </summary>
    [Theory]
    [InlineData(EntityDelivery.Direct, false)]
    [InlineData(EntityDelivery.Mailbox, true)]
    public async Task MailboxDeliveryRunsEntitiesThroughTheirMailboxAndDirectDoesNot(EntityDelivery delivery, bool viaMailbox)
    {
        var model = new StackProbeModel();
        await KernelRunner.RunLocalAsync(model, partitions: 2, workers: 1, delivery: delivery).WaitAsync(Timeout);
        Assert.Equal(4 * 2, model.Probes.Count); // Start and one event per entity
        Assert.All(model.Probes, p => Assert.Equal((true, viaMailbox), (p.InsideHost, p.ViaMailbox)));
    }

    /// <summary>Four entities; each records, in Start and in its one event, how it was reached.</summary>
    private sealed class StackProbeModel : ISimulationModel
    {
        public System.Collections.Concurrent.ConcurrentBag<(bool InsideHost, bool ViaMailbox)> Probes { get; } = [];
        public string Name => "stack-probe";
        public int EntityCount => 4;
        public long Lookahead => 10;
        public long EndTime => 100;
        public ulong Seed => 1;

        public IEntity CreateEntity(int id) => new Probe(this);

        private void Record()
        {
            // Walk out from the entity until the partition's entity host: did an Akka mailbox run in between?
            var viaMailbox = false;
            foreach (var frame in new StackTrace(fNeedFileInfo: false).GetFrames())
            {
                var type = frame.GetMethod()?.DeclaringType;
                // The host's frame may be inlined into the engine's (dynamic PGO devirtualises hot interface calls),
                // and the engine's into the partition actor's: the first of them marks where the host called in.
                if (type == typeof(ActorEntityHost) || type == typeof(PartitionEngine) || type == typeof(PartitionActor))
                {
                    Probes.Add((true, viaMailbox));
                    return;
                }
                if (type is not null && typeof(Akka.Dispatch.Mailbox).IsAssignableFrom(type)) viaMailbox = true;
            }
            Probes.Add((false, viaMailbox));
        }

        private sealed class Probe(StackProbeModel model) : IEntity
        {
            public void Start(IEventContext context)
            {
                model.Record();
                context.Schedule(context.Self, kind: 1);
            }

            public void Handle(in SimEvent ev, IEventContext context) => model.Record();
        }
    }
}
