using System.Globalization;
using FgsActors.Simulation.Federation;
using FgsActors.Simulation.Kernel;
using FgsActors.Simulation.Workloads.Phold;
using FgsActors.Simulation.Workloads.Sparse;

namespace FgsActors.Cli.Hosting;

/// <summary>
/// What a trace row says about its event beyond the numbers: the target's type, the device it belongs to, the kind's
/// name. Fleet: aggregator, device i or link i (<see cref="FleetLayout"/>) and the <see cref="FleetEventKindNames"/>;
/// sparse: hub or leaf and its kinds' names; PHOLD: lp; any other model: entity. A kind without a name is its number.
/// </summary>
public sealed record EventTraceLabels(Func<int, string> TargetType, Func<int, int?> Device, Func<int, string> KindName)
{
    public static EventTraceLabels For(ISimulationModel model) => model switch
    {
        FleetModel => Fleet,
        SparseModel => Sparse,
        PholdModel => new(_ => "lp", _ => null, Number),
        _ => new(_ => "entity", _ => null, Number),
    };

    /// <summary>The fleet model's labels (<see cref="FleetLayout"/>, <see cref="FleetEventKindNames"/>).</summary>
    public static EventTraceLabels Fleet { get; } = new(
        id => id == FleetLayout.AggregatorId ? "aggregator" : FleetLayout.IsDevice(id) ? "device" : "link",
        id => id == FleetLayout.AggregatorId ? null : FleetLayout.IsDevice(id) ? FleetLayout.IndexOfDevice(id) : FleetLayout.IndexOfLink(id),
        FleetEventKindNames.Of);

    private static EventTraceLabels Sparse { get; } = new(
        id => id == SparseModel.HubId ? "hub" : "leaf",
        _ => null,
        kind => kind switch
        {
            SparseEventKinds.Local => nameof(SparseEventKinds.Local),
            SparseEventKinds.Request => nameof(SparseEventKinds.Request),
            SparseEventKinds.Reply => nameof(SparseEventKinds.Reply),
            _ => Number(kind),
        });

    private static string Number(int kind) => kind.ToString(CultureInfo.InvariantCulture);
}
