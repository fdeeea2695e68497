using Station.Core;
using Station.Core.Can;
using Station.Core.Swap.Truck;

namespace Station.Hal.Sim
{
    /// <summary>Each block position's own CAN segment in the simulated truck bay, as docs/truck-bay.md wires them: the
    /// block's connector carries its CAN pair, so station channel p reaches only the BMS of the block in cradle p, and
    /// only while that connector is mated. Every segment keeps the GB/T 27930 addresses (BMS 0xF4, charger 0x56).</summary>
    public sealed class SimBlockCan
    {
        private readonly BmsPackCheck[] _checks = new BmsPackCheck[TruckPorts.Positions];

        /// <summary>One bus, BMS and station port per position over <paramref name="bay"/>.</summary>
        public SimBlockCan(SimTruckBay bay)
        {
            for (int i = 0; i < TruckPorts.Positions; i++)
            {
                int position = i + 1;
                Buses[i] = new VirtualCanBus(bay.Clock);
                // The BMS answers only through a mated connector: unmated, its CAN pair is open.
                Bms[i] = new SimBms(Buses[i], () => bay.Connectors[position - 1].AllLocked ? bay.BlockAt(position) : null);
                StationPorts[i] = Buses[i].Connect("station" + position);
            }
        }

        /// <summary>Per position (index = position - 1): its CAN segment.</summary>
        public VirtualCanBus[] Buses { get; } = new VirtualCanBus[TruckPorts.Positions];
        /// <summary>Per position: the BMS of the block in its cradle.</summary>
        public SimBms[] Bms { get; } = new SimBms[TruckPorts.Positions];
        /// <summary>Per position: the station's end of its segment.</summary>
        public VirtualCanPort[] StationPorts { get; } = new VirtualCanPort[TruckPorts.Positions];

        /// <summary>The check installed for <paramref name="position"/> (1..3), or null before <see cref="Install"/>.</summary>
        public BmsPackCheck CheckAt(int position) => _checks[position - 1];

        /// <summary>Builds one GB/T session and BMS check per position on its own segment and installs it as that
        /// position's release check, so a truck swap's blocks are BMS-verified.</summary>
        public void Install(TruckBayProfile profile, StationConfig config, BmsCheckConfig bmsConfig = null)
        {
            for (int i = 0; i < TruckPorts.Positions; i++)
            {
                var session = new PackSession(StationPorts[i], GbT27930Profile.Instance, Bms[i].Address);
                _checks[i] = new BmsPackCheck(session, bmsConfig, config.MinSocPct, config.BmsTimeoutMs) { Position = i + 1 };
                profile.BlockGate.SetCheck(i + 1, _checks[i]);
            }
        }
    }
}
