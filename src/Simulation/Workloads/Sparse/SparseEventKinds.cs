namespace FgsActors.Simulation.Workloads.Sparse;

/// <summary>The <see cref="Events.SimEvent.Kind"/> values of the sparse workload.</summary>
public static class SparseEventKinds
{
    /// <summary>A leaf's own Poisson event. Data is 1 when this event sends a request to the hub, else 0.</summary>
    public const int Local = 1;

    /// <summary>Leaf → hub message, sent by a local event whose Data is 1.</summary>
    public const int Request = 2;

    /// <summary>Hub → leaf acknowledgement of a request; sent non-triggering (the leaf never sends because of it).</summary>
    public const int Reply = 3;

    /// <summary>Data of a <see cref="Local"/> event that sends.</summary>
    public const long Sends = 1;

    /// <summary>Data of a <see cref="Local"/> event that stays silent.</summary>
    public const long Silent = 0;
}
