using FgsActors.Models.Energy;

namespace FgsActors.Models.Tests.Energy;

public class EnergyLedgerTests
{
    [Fact]
    public void New_ledger_is_zero()
    {
        var l = new EnergyLedger();
        Assert.Equal(0, l.TotalJoules);
        Assert.Equal(EnergyBreakdown.Zero, l.Snapshot());
    }

    [Fact]
    public void Components_accumulate_separately_and_sum()
    {
        // compute 0.5 + 0.25 = 0.75 J; comm 2 J; idle 10 + 0.125 = 10.125 J; total 12.875 J (all exact in binary).
        var l = new EnergyLedger();
        l.AddCompute(0.5);
        l.AddCommunication(2);
        l.AddIdle(10);
        l.AddCompute(0.25);
        l.AddIdle(0.125);
        Assert.Equal(0.75, l.ComputeJoules);
        Assert.Equal(2, l.CommunicationJoules);
        Assert.Equal(10.125, l.IdleJoules);
        Assert.Equal(12.875, l.TotalJoules);
    }

    [Fact]
    public void Add_breakdown_and_snapshot_difference_give_per_round_figures()
    {
        var l = new EnergyLedger();
        l.Add(new EnergyBreakdown(1, 2, 3));
        var start = l.Snapshot();
        l.Add(new EnergyBreakdown(0.5, 0.25, 4));
        var round = l.Snapshot() - start;
        Assert.Equal(new EnergyBreakdown(0.5, 0.25, 4), round);
        Assert.Equal(4.75, round.TotalJoules);
        Assert.Equal(new EnergyBreakdown(1.5, 2.25, 7), start + round);
    }

    [Fact]
    public void Ledger_from_model_formulas()
    {
        // Training 0.01 J (see ComputeModelTests) + upload 0.8 J + idle 180 J = 180.81 J.
        var l = new EnergyLedger();
        l.AddCompute(ComputeModel.TrainingJoules(2e4, 5_000, 1e9));
        l.AddCommunication(CommunicationEnergy.TransferJoules(0.2, 8e6, 2e6));
        l.AddIdle(IdlePower.Joules(0.05, 3_600));
        Approx.Equal(180.81, l.TotalJoules);
    }

    [Fact]
    public void Negative_or_nan_amounts_are_rejected_and_leave_the_ledger_unchanged()
    {
        var l = new EnergyLedger();
        l.AddCompute(1);
        Assert.Equal("joules", Assert.Throws<ArgumentOutOfRangeException>(() => l.AddCompute(-1)).ParamName);
        Assert.Equal("joules", Assert.Throws<ArgumentOutOfRangeException>(() => l.AddCommunication(double.NaN)).ParamName);
        Assert.Equal("joules", Assert.Throws<ArgumentOutOfRangeException>(() => l.AddIdle(-0.1)).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => l.Add(new EnergyBreakdown(1, 1, -1)));
        Assert.Equal(new EnergyBreakdown(1, 0, 0), l.Snapshot());
    }
}
