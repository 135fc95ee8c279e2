using FgsActors.Simulation.Events;
using FgsActors.Simulation.Kernel;
using FgsActors.Simulation.Randomness;

namespace FgsActors.Simulation.Tests.Kernel.Support;

/// <param name="Pairs">Pairs (1,2), (3,4), …; entity 0 is a hub with no partner.</param>
/// <param name="Lookahead">Shortest delay of any message: the hop between partners.</param>
/// <param name="RemoteLookahead">Shortest delay of a message to anyone but the partner (and self).</param>
/// <param name="DeclaredRemoteLookahead">What the model tells the kernel; the model always behaves as above.</param>
/// <param name="KeepPairs">Whether the model asks the kernel to keep each pair on one partition.</param>
public sealed record PairedModelSettings(
    int Pairs, long Lookahead, long RemoteLookahead, long EndTime, ulong Seed, long DeclaredRemoteLookahead, bool KeepPairs = true)
{
    public override string ToString() =>
        $"pairs={Pairs} L={Lookahead} R={RemoteLookahead} declaredR={DeclaredRemoteLookahead} keepPairs={KeepPairs} end={EndTime} seed={Seed}";
}

/// <summary>
/// A model shaped like a device and its link: entities 2k+1 and 2k+2 talk to each other after a short hop
/// (between the lookahead and the remote lookahead), and to everyone else only after at least the remote
/// lookahead. Each entity draws from its own stream and makes 0, 1 or 2 follow-ups per event: zero-delay and
/// timer self-schedules, short hops to its partner, and long messages (some at whole multiples of the remote
/// lookahead, so simultaneous arrivals are common) to any entity. Every handled event is logged.
/// </summary>
public sealed class PairedModel(PairedModelSettings settings) : ISimulationModel
{
    public const int InitialKind = 0, ZeroDelayKind = 1, TimerKind = 2, HopKind = 3, TiedRemoteKind = 4, RemoteKind = 5;

    public PairedModelSettings Settings { get; } = settings;
    public EventLog Log { get; } = new(1 + 2 * settings.Pairs);
    public string Name => "paired-test";
    public int EntityCount => 1 + 2 * Settings.Pairs;
    public long Lookahead => Settings.Lookahead;
    public long RemoteLookahead => Settings.DeclaredRemoteLookahead;
    public long EndTime => Settings.EndTime;
    public ulong Seed => Settings.Seed;

    /// <summary>Pairs 1-2, 3-4, …: every even id above 0 stays with the odd id before it.</summary>
    public static bool IsSecondOfPair(int id) => id > 0 && id % 2 == 0;

    public bool KeepsWithPrevious(int id) => Settings.KeepPairs && IsSecondOfPair(id);

    /// <summary>The partner of <paramref name="id"/>, or -1 for the hub.</summary>
    public static int PartnerOf(int id) => id == 0 ? -1 : id % 2 == 1 ? id + 1 : id - 1;

    public IEntity CreateEntity(int id) => new PairedEntity(this, id);

    private sealed class PairedEntity(PairedModel model, int id) : IEntity
    {
        private RandomStream _random = null!;

        private PairedModelSettings S => model.Settings;

        public void Start(IEventContext context)
        {
            _random = RandomStream.For(context.Seed, id, "paired-test-behaviour");
            context.Schedule(_random.NextInt((int)(3 * S.RemoteLookahead)), InitialKind, data: 0);
            if (_random.NextInt(2) == 0) context.Schedule(0, InitialKind, data: 1);
            if (_random.NextInt(2) == 0) Hop(context, data: 2);
        }

        public void Handle(in SimEvent ev, IEventContext context)
        {
            model.Log.Record(id, ev);
            var roll = _random.NextInt(10);
            var children = roll == 0 ? 0 : roll == 1 ? 2 : 1;
            for (var c = 0; c < children; c++) Spawn(context);
        }

        private void Spawn(IEventContext context)
        {
            var data = _random.NextInt(1_000_000);
            var choice = _random.NextInt(20);
            if (choice < 2) context.Schedule(0, ZeroDelayKind, data);
            else if (choice < 4) context.Schedule(S.Lookahead * _random.NextInt(3), TimerKind, data);
            else if (choice < 12 && id != 0) Hop(context, data);
            else if (choice < 16)
                context.Send(_random.NextInt(model.EntityCount), S.RemoteLookahead * (1 + _random.NextInt(2)), TiedRemoteKind, data);
            else
                context.Send(_random.NextInt(model.EntityCount), S.RemoteLookahead + _random.NextInt((int)S.RemoteLookahead + 1), RemoteKind, data);
        }

        /// <summary>A short message to the partner: at least the lookahead, below the remote lookahead.</summary>
        private void Hop(IEventContext context, long data)
        {
            if (id == 0) return;
            var spread = (int)(S.RemoteLookahead - S.Lookahead);
            context.Send(PartnerOf(id), S.Lookahead + (spread > 0 ? _random.NextInt(spread) : 0), HopKind, data);
        }
    }
}
