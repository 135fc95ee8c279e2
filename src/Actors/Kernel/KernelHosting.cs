using Akka.Actor;
using Akka.Configuration;
using FgsActors.Actors.Kernel.Protocol;
using FgsActors.Simulation.Kernel;

namespace FgsActors.Actors.Kernel;

/// <summary>
/// Actor-system configuration of the kernel: the dispatcher that runs partition schedulers (<c>workers</c>
/// dedicated threads), the inline dispatcher of entity actors, and the binary serializer for protocol messages.
/// </summary>
public static class KernelHosting
{
    public const string PartitionDispatcherId = "fgs.kernel.partition-dispatcher";
    public const string EntityDeliveryKey = "fgs.kernel.entity-delivery";

    public static Config KernelConfig(int workers, EntityDelivery delivery = EntityDelivery.Direct)
    {
        if (workers < 1) throw new ArgumentOutOfRangeException(nameof(workers), workers, "at least one worker thread is needed");
        var assembly = typeof(KernelHosting).Assembly.GetName().Name;
        return ConfigurationFactory.ParseString($$"""
            fgs.kernel.entity-delivery = {{(delivery == EntityDelivery.Mailbox ? "mailbox" : "direct")}}
            fgs.kernel.partition-dispatcher {
              type = ForkJoinDispatcher
              # a partition keeps its thread for up to this many messages: batches of a window arrive together
              throughput = 1000
              dedicated-thread-pool {
                thread-count = {{workers}}
                threadtype = background
              }
            }
            fgs.kernel.entity-dispatcher {
              type = "FgsActors.Actors.Kernel.Dispatch.InlineDispatcherConfigurator, {{assembly}}"
            }
            fgs.kernel.entity-mailbox {
              mailbox-type = "FgsActors.Actors.Kernel.Dispatch.EntityMailbox, {{assembly}}"
            }
            akka.actor {
              serializers.fgs-kernel = "FgsActors.Actors.Kernel.Serialization.KernelMessageSerializer, {{assembly}}"
              serialization-bindings {
                "FgsActors.Actors.Kernel.Protocol.IKernelMessage, {{assembly}}" = fgs-kernel
              }
            }
            # The kernel terminates its systems itself; a process exit must not wait for a shutdown still stopping
            # actors in the background (see KernelRunner.RunLocalAsync).
            akka.coordinated-shutdown.run-by-clr-shutdown-hook = off
            akka.loglevel = WARNING
            akka.stdout-loglevel = WARNING
            akka.log-dead-letters = off
            akka.log-dead-letters-during-shutdown = off
            """);
    }

    /// <summary>Creates an actor system configured for the kernel (extra config, e.g. cluster settings, wins).</summary>
    public static ActorSystem CreateSystem(string name, int workers, Config? extra = null, EntityDelivery delivery = EntityDelivery.Direct)
    {
        var config = KernelConfig(workers, delivery);
        if (extra is not null) config = extra.WithFallback(config);
        return ActorSystem.Create(name, config);
    }

    /// <summary>Starts this node's partition host under the well-known name <see cref="PartitionHostActor.Name"/>.</summary>
    public static IActorRef StartHost(ActorSystem system, Func<ModelSpec, ISimulationModel> resolveModel, LocalRunHooks? hooks = null) =>
        system.ActorOf(PartitionHostActor.Props(resolveModel, PartitionDispatcherId, hooks), PartitionHostActor.Name);
}
