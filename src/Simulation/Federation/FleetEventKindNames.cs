using System.Globalization;

namespace FgsActors.Simulation.Federation;

/// <summary>
/// The names of the fleet model's event kinds (<see cref="FleetEventKinds"/>) for people reading a trace, e.g.
/// <c>CheckIn</c> for 1. A fixed table rather than reflection, since a trace names every one of its events.
/// </summary>
public static class FleetEventKindNames
{
    /// <summary>The constant's name for a fleet kind; any other kind as its number.</summary>
    public static string Of(int kind) => kind switch
    {
        FleetEventKinds.CheckIn => nameof(FleetEventKinds.CheckIn),
        FleetEventKinds.Accept => nameof(FleetEventKinds.Accept),
        FleetEventKinds.Upload => nameof(FleetEventKinds.Upload),
        FleetEventKinds.Invite => nameof(FleetEventKinds.Invite),
        FleetEventKinds.DownloadDone => nameof(FleetEventKinds.DownloadDone),
        FleetEventKinds.DownloadFailed => nameof(FleetEventKinds.DownloadFailed),
        FleetEventKinds.Ack => nameof(FleetEventKinds.Ack),
        FleetEventKinds.UploadFailed => nameof(FleetEventKinds.UploadFailed),
        FleetEventKinds.Cancel => nameof(FleetEventKinds.Cancel),
        FleetEventKinds.Transition => nameof(FleetEventKinds.Transition),
        FleetEventKinds.DeathCheck => nameof(FleetEventKinds.DeathCheck),
        FleetEventKinds.Recharged => nameof(FleetEventKinds.Recharged),
        FleetEventKinds.TrainingDone => nameof(FleetEventKinds.TrainingDone),
        FleetEventKinds.RoundStart => nameof(FleetEventKinds.RoundStart),
        FleetEventKinds.Deadline => nameof(FleetEventKinds.Deadline),
        FleetEventKinds.AccessEvent => nameof(FleetEventKinds.AccessEvent),
        FleetEventKinds.TransferFinished => nameof(FleetEventKinds.TransferFinished),
        FleetEventKinds.Timeout => nameof(FleetEventKinds.Timeout),
        FleetEventKinds.Refill => nameof(FleetEventKinds.Refill),
        _ => kind.ToString(CultureInfo.InvariantCulture),
    };
}
