using Akka.Actor;
using Akka.Configuration;
using FgsActors.Actors.Kernel;
using FgsActors.Actors.Kernel.Protocol;
using FgsActors.Simulation.Kernel;

namespace FgsActors.Actors.Cluster;

/// <summary>
/// One node of a kernel cluster: an actor system with Akka.Cluster on a TCP endpoint and a partition host.
/// Nodes build the model themselves from the run's <see cref="ModelSpec"/>, so only the spec, events and
/// protocol messages travel between them.
/// </summary>
public sealed class ClusterNode : IAsyncDisposable
{
    private ClusterNode(ActorSystem system, IActorRef host)
    {
        System = system;
        Host = host;
    }

    /// <summary>Cluster name shared by all nodes of a run (Akka only joins systems of the same name).</summary>
    public const string SystemName = "fgs";

    public ActorSystem System { get; }
    public IActorRef Host { get; }
    public Address Address => Akka.Cluster.Cluster.Get(System).SelfAddress;

    public static Config ClusterConfig(string hostname, int port) => ConfigurationFactory.ParseString($$"""
        akka.actor.provider = cluster
        akka.remote.dot-netty.tcp {
          hostname = "{{hostname}}"
          port = {{port}}
          # event batches of a window can be large: allow 64 MiB frames instead of the default 128 kB
          maximum-frame-size = 67108864b
          send-buffer-size = 67108864b
          receive-buffer-size = 67108864b
        }
        akka.cluster {
          # a node that stops answering during a run fails the run; it is not silently removed and replaced
          downing-provider-class = ""
          log-info = off
        }
        """);

    /// <summary>Starts a node on <paramref name="hostname"/>:<paramref name="port"/> (0 = any free port).</summary>
    public static ClusterNode Start(string hostname, int port, int workers, Func<ModelSpec, ISimulationModel> resolveModel)
    {
        var system = KernelHosting.CreateSystem(SystemName, workers, ClusterConfig(hostname, port));
        return new ClusterNode(system, KernelHosting.StartHost(system, resolveModel));
    }

    /// <summary>Joins the cluster whose seed is <paramref name="seed"/> (a node joins itself to form a new cluster).</summary>
    public Task JoinAsync(Address seed, TimeSpan timeout)
    {
        var cluster = Akka.Cluster.Cluster.Get(System);
        var up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        cluster.RegisterOnMemberUp(() => up.TrySetResult());
        cluster.Join(seed);
        return up.Task.WaitAsync(timeout);
    }

    /// <summary>Waits until the cluster has <paramref name="count"/> members that are Up.</summary>
    public async Task WaitForMembersAsync(int count, TimeSpan timeout)
    {
        var cluster = Akka.Cluster.Cluster.Get(System);
        var deadline = DateTime.UtcNow + timeout;
        while (cluster.State.Members.Count(m => m.Status == Akka.Cluster.MemberStatus.Up) < count)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"the cluster did not reach {count} members within {timeout}");
            await Task.Delay(50).ConfigureAwait(false);
        }
    }

    /// <summary>The partition host of another node.</summary>
    public Task<IActorRef> ResolveHostAsync(Address node, TimeSpan timeout) =>
        System.ActorSelection(new RootActorPath(node) / "user" / PartitionHostActor.Name).ResolveOne(timeout);

    public async ValueTask DisposeAsync()
    {
        await Akka.Actor.CoordinatedShutdown.Get(System).Run(Akka.Actor.CoordinatedShutdown.ClrExitReason.Instance).ConfigureAwait(false);
    }
}
