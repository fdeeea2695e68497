using System;
using System.IO;
using Station.Core;
using Station.Core.Can;

namespace Station.Hal.Sim
{
    /// <summary>The pack CAN of a simulated bay: a virtual bus, the BMS of whatever pack sits in the vehicle, and the
    /// station's GB/T session and release-gate check on its own port. The simulator's swaps go through this real
    /// session and gate; scenario events inject BMS and pack faults (<see cref="Apply"/>).</summary>
    public sealed class SimPackCan
    {
        private readonly SimBay _bay;
        private BmsPackCheck _check;

        /// <summary>Fault kinds <see cref="Apply"/> understands (scenario key "bms_fault", argument "kind").</summary>
        public static readonly string[] FaultKinds =
        {
            "silent", "slow", "wrong_serial", "abort_transfers", "out_of_order", "corrupt_lengths", "bem",
            "insulation", "connector", "cell_voltage", "over_temperature", "over_current", "hot", "clear",
        };

        /// <summary>Builds the bus and the BMS for <paramref name="bay"/>.</summary>
        public SimPackCan(SimBay bay)
        {
            _bay = bay;
            Bus = new VirtualCanBus(bay.Clock);
            Bms = new SimBms(Bus, () => _bay.PackAtVehicle);
            StationPort = Bus.Connect("station");
        }

        /// <summary>The virtual bus.</summary>
        public VirtualCanBus Bus { get; }
        /// <summary>The simulated BMS (answers for the pack in the vehicle).</summary>
        public SimBms Bms { get; }
        /// <summary>The station's CAN port.</summary>
        public VirtualCanPort StationPort { get; }
        /// <summary>The latest check built by <see cref="CreateCheck"/>.</summary>
        public BmsPackCheck Check => _check;

        /// <summary>A new BMS check for a (new) controller with configuration <paramref name="config"/>.</summary>
        public BmsPackCheck CreateCheck(StationConfig config, BmsCheckConfig bmsConfig = null)
        {
            var session = new PackSession(StationPort, GbT27930Profile.Instance, Bms.Address);
            _check = new BmsPackCheck(session, bmsConfig, config.MinSocPct, config.BmsTimeoutMs);
            return _check;
        }

        /// <summary>The recorded pack in use instead of the simulated BMS, or null.</summary>
        public CandumpReplay Replay { get; private set; }

        /// <summary>Replaces the simulated BMS by a recorded one: the pack side of <paramref name="log"/> is played back
        /// from the station's first frame on (CanTool replay).</summary>
        public CandumpReplay UseRecording(TextReader log)
        {
            Bms.Faults.Silent = true;
            Replay = new CandumpReplay(Bus, log) { WaitForStation = true };
            return Replay;
        }

        /// <summary>Starts writing the bus as a candump log.</summary>
        public CandumpRecorder Record(TextWriter output) => new CandumpRecorder(Bus, output);

        /// <summary>Injects a fault. BMS faults (silent, slow, wrong_serial, abort_transfers, out_of_order,
        /// corrupt_lengths, bem) apply to whichever pack's BMS answers; pack faults (insulation, connector,
        /// cell_voltage, over_temperature, over_current, hot) apply to the pack <paramref name="serial"/>, by default the
        /// rack's best-charged pack (the one the station will choose). "clear" removes them all. Returns what it did.</summary>
        public string Apply(string kind, string serial = null)
        {
            SimPack pack = null;
            if (serial != null) foreach (var p in _bay.Packs) if (p.Serial == serial) pack = p;
            if (serial != null && pack == null) throw new ArgumentException($"no pack \"{serial}\" in the simulated station");
            pack ??= _bay.Rack.BestCharged() ?? _bay.PackAtVehicle;
            switch (kind)
            {
                case "silent": Bms.Faults.Silent = true; return "BMS silent";
                case "slow": Bms.Faults.AnswerDelayMs = 6000; return "BMS answers 6 s late";
                case "wrong_serial": Bms.Faults.WrongSerial = true; return "BMS reports a wrong serial";
                case "abort_transfers": Bms.Faults.AbortTransfers = true; return "BMS aborts its transfers";
                case "out_of_order": Bms.Faults.OutOfOrderTransfers = true; return "BMS sends packets out of order";
                case "corrupt_lengths": Bms.Faults.CorruptLengths = true; return "BMS announces impossible sizes";
                case "bem": Bms.Faults.SendBem = true; return "BMS sends BEM";
                case "clear":
                    Bms.Faults.CopyFrom(new SimBmsFaults());
                    foreach (var p in _bay.Packs) { p.FaultFlags = 0; p.MaxCellTempC = 25; }
                    return "BMS and pack faults cleared";
            }
            if (pack == null) throw new ArgumentException("no pack to put the fault on");
            switch (kind)
            {
                case "insulation": pack.FaultFlags |= SimPackFault.Insulation; break;
                case "connector": pack.FaultFlags |= SimPackFault.Connector; break;
                case "cell_voltage": pack.FaultFlags |= SimPackFault.CellVoltage; break;
                case "over_temperature": pack.FaultFlags |= SimPackFault.OverTemperature; break;
                case "over_current": pack.FaultFlags |= SimPackFault.OverCurrent; break;
                case "hot": pack.MaxCellTempC = 70; break;
                default: throw new ArgumentException($"unknown BMS fault \"{kind}\" (one of: {string.Join(", ", FaultKinds)})");
            }
            return $"pack {pack.Serial}: {kind}";
        }
    }
}
