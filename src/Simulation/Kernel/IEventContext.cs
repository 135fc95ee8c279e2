namespace FgsActors.Simulation.Kernel;

/// <summary>What an entity may do while it handles an event.</summary>
public interface IEventContext
{
    /// <summary>Current virtual time in ticks.</summary>
    long Now { get; }

    /// <summary>This entity's id.</summary>
    int Self { get; }

    /// <summary>The smallest delay a message between two entities may have (ticks).</summary>
    long Lookahead { get; }

    /// <summary>Run seed: entities derive their random streams from (seed, id, purpose).</summary>
    ulong Seed { get; }

    /// <summary>
    /// Sends a message to <paramref name="target"/>, delivered after <paramref name="delay"/> ticks
    /// (at least <see cref="Lookahead"/>). <paramref name="triggersOutput"/> = false declares that the
    /// receiver, if it keeps output promises, will not send anything earlier than its promise because of
    /// this message (an acknowledgement, say); the kernel verifies it.
    /// </summary>
    void Send(int target, long delay, int kind, long data = 0, object? payload = null, bool triggersOutput = true);

    /// <summary>Schedules an event for this entity after <paramref name="delay"/> ticks (zero allowed).</summary>
    void Schedule(long delay, int kind, long data = 0, object? payload = null);
}
