using FgsActors.Models.Availability;
using FgsActors.Models.Hardware;
using FgsActors.Simulation.Federation;
using FgsActors.Simulation.Fleet;

namespace FgsActors.Simulation.Tests.Federation;

/// <summary>
/// One Raspberry Pi on fixed-rate Wi-Fi (72.2 Mbit/s, 1 ms base latency), 10 ms backhaul, no jitter, loss or
/// contention: every instant of its round can be computed by hand, so churn and battery cut-offs can be placed
/// exactly and their accounting checked.
/// </summary>
public sealed class FleetTimelineTests
{
    private const double Radio = 0.001, Backhaul = 0.010, Rate = 72.2e6, RoundStart = 60;
    private const long Parameters = 2_500_000; // 10 MB each way: about 1.1 s per transfer
    private static readonly FleetWorkload Workload = FleetScenarios.Mlp with { Parameters = Parameters, Cost = WorkloadCost.FromFlops(6.0 * Parameters), SamplesSigma = 0 };
    private static readonly double ModelBits = Parameters * 4 * 8.0;
    private static readonly double TransferS = ModelBits / Rate;

    private static DeviceProfile Pi(double? batteryWh = null) =>
        new(0, "pi", batteryWh is null ? "sbc" : "sbc-battery", 1.5e9, 4L << 30, batteryWh, "wifi", null, Rate, Rate, 2.7, 6.4);

    // Invitation reaches the device after backhaul + radio; its acceptance reaches the aggregator after radio + backhaul;
    // the broadcast's end reaches the device after backhaul + radio; then it trains.
    private static double TrainingS(DeviceProfile device) =>
        WorkloadCost.FromFlops(6.0 * Parameters).Estimate(TierCatalog.SingleBoardComputer, device.CpuHz, 600).Seconds;

    private static double UploadStartDeviceS(DeviceProfile device) =>
        RoundStart + 4 * (Radio + Backhaul) - (Radio + Backhaul) + TransferS + (Radio + Backhaul) + TrainingS(device) - (Radio + Backhaul);

    private static FleetScenario Scenario(DeviceProfile device, ChurnSettings churn, double endS = 600) =>
        FleetScenarios.Build(devices: [device], workload: Workload, churn: churn,
            aggregator: FleetScenarios.Sync(k: 1, overCommit: 1), endS: endS) with
        { Network = FleetScenarios.Network() with { ControlBytes = 0 } };

    private static ChurnSettings OnlineUntil(double offS) =>
        new(ChurnModel.Trace, Trace: new AvailabilityTrace(new Dictionary<string, TraceAvailability>
        {
            ["pi"] = new([new OnlineInterval(0, offS)]),
        }));

    [Fact]
    public void Undisturbed_round_completes_at_the_hand_computed_instant()
    {
        var device = Pi();
        var (_, _, results) = FleetRunner.Run(Scenario(device, ChurnSettings.AlwaysOnline, endS: 120));
        var round = results.Rounds[0];
        Assert.Equal(1, round.Completed);
        // Drop-late closes as soon as every invited device has uploaded: upload start + path + transfer.
        var expectedEnd = UploadStartDeviceS(device) + Radio + Backhaul + TransferS;
        Assert.Equal(expectedEnd, round.EndS!.Value, 6);
        Assert.Equal(ModelBits / 8, round.BytesUp, 3);
        Assert.Equal(ModelBits / 8, round.BytesDown, 3);
        // Radio energy E = p·s/r each way: Wi-Fi receive 0.33 W and transmit 0.594 W (ESP32 at 3.3 V) over the airtime.
        var radio = Models.Network.RadioCatalog.WiFi;
        Assert.Equal((radio.ReceivePowerW + radio.TransmitPowerW) * TransferS, round.EnergyCommJ, 9);
    }

    [Fact]
    public void Device_going_offline_mid_upload_is_dropped_for_churn_and_its_bytes_until_then_count()
    {
        var device = Pi();
        var offS = UploadStartDeviceS(device) + TransferS / 2; // half the update is out when it goes offline
        var (model, _, results) = FleetRunner.Run(Scenario(device, OnlineUntil(offS)));
        var round = results.Rounds[0];
        Assert.Equal(1, round.Selected);
        Assert.Equal(0, round.Completed);
        Assert.Equal(1, round.DroppedChurn);
        Assert.Equal(ModelBits / 8 / 2, round.BytesUp, 0); // within a byte: instants are whole nanoseconds
        Assert.Equal(ParticipationOutcome.Churn, Assert.Single(model.Devices[0]!.History).Outcome);
    }

    [Fact]
    public void Device_gone_after_its_update_arrived_but_before_the_acknowledgement_still_completed()
    {
        var device = Pi();
        var arrived = UploadStartDeviceS(device) + Radio + Backhaul + TransferS;
        var (model, _, results) = FleetRunner.Run(Scenario(device, OnlineUntil(arrived + Backhaul / 2)));
        var round = results.Rounds[0];
        Assert.Equal((1, 1, 0), (round.Selected, round.Completed, round.Dropped));
        Assert.Equal(1, results.Devices[0].RoundsCompleted);
        // The device itself saw the connection drop before the acknowledgement.
        Assert.Equal(ParticipationOutcome.Churn, model.Devices[0]!.History[0].Outcome);
    }

    [Fact]
    public void Battery_emptying_mid_training_drops_the_device_at_that_instant()
    {
        var device = Pi(batteryWh: 1.0);
        var (model, _, results) = FleetRunner.Run(Scenario(device, ChurnSettings.AlwaysOnline) with { EndTicks = 24L * 3600 * 1_000_000_000 });
        var entity = model.Devices[0]!;
        Assert.Equal(1, entity.Deaths);
        Assert.Equal(0, entity.BatteryWh, 9);
        // Never recharged: the energy drawn is exactly the capacity, 3600 J.
        Assert.Equal(3600, entity.EnergyJ, 6);
        var dropped = results.Rounds.Sum(r => r.DroppedBattery);
        Assert.True(dropped >= 1, "the round it died in and every later invitation count as battery dropouts");
        Assert.True(results.Devices[0].OnlineFraction < 0.5, "dead for most of the day");
    }

    [Fact]
    public void Online_fraction_follows_the_trace()
    {
        var (_, _, results) = FleetRunner.Run(Scenario(Pi(), OnlineUntil(150), endS: 600));
        Assert.Equal(0.25, results.Devices[0].OnlineFraction, 12);
    }
}
