using System.Collections.Generic;
using Station.Core;
using Station.Hal;

namespace Station.Hal.Sim
{
    /// <summary>Rewires every input of a bay's ports onto <see cref="SimInputBank"/>s (32 per bank, in the order of the
    /// port groups), so the simulator runs the controller the way a board with I/O expanders does. Run it before the
    /// controller is built (the simulator's <c>--input-banks</c>).</summary>
    public static class SimInputBanks
    {
        /// <summary>Banks every wired input of <paramref name="io"/> (car and truck groups); returns the banks.</summary>
        public static List<SimInputBank> Wire(StationIo io)
        {
            var banks = new List<SimInputBank>();
            IDigitalInput Bank(IDigitalInput input)
            {
                if (input == null) return null;
                if (banks.Count == 0 || banks[^1].Full) banks.Add(new SimInputBank());
                return banks[^1].Add(input);
            }
            void Axis(LinearAxisPorts a)
            {
                a.HomeSwitch = Bank(a.HomeSwitch);
                a.FarLimit = Bank(a.FarLimit);
                a.FarContact = Bank(a.FarContact);
            }
            void Locks(LockSetPorts l)
            {
                for (int i = 0; l.LockedSensor != null && i < l.LockedSensor.Length; i++) l.LockedSensor[i] = Bank(l.LockedSensor[i]);
                for (int i = 0; l.UnlockedSensor != null && i < l.UnlockedSensor.Length; i++) l.UnlockedSensor[i] = Bank(l.UnlockedSensor[i]);
            }
            io.Safety.EStopReleased = Bank(io.Safety.EStopReleased);
            io.Safety.LightCurtainClear = Bank(io.Safety.LightCurtainClear);
            io.Safety.DoorsClosed = Bank(io.Safety.DoorsClosed);
            io.Safety.RelayFeedback = Bank(io.Safety.RelayFeedback);
            io.Sensors.VehiclePositioned = Bank(io.Sensors.VehiclePositioned);
            io.Sensors.PackAtStaging = Bank(io.Sensors.PackAtStaging);
            io.Sensors.PackOnLift = Bank(io.Sensors.PackOnLift);
            io.Sensors.PackAtReturn = Bank(io.Sensors.PackAtReturn);
            io.StagingConveyor.Running = Bank(io.StagingConveyor.Running);
            io.TransferConveyor.Running = Bank(io.TransferConveyor.Running);
            Axis(io.Lift);
            Locks(io.Locks);
            TruckPorts t = io.Truck;
            if (t != null)
            {
                Axis(t.Travel);
                Axis(t.Fork);
                for (int i = 0; i < TruckPorts.Positions; i++)
                {
                    Locks(t.BlockLocks[i]);
                    Locks(t.Connectors[i]);
                    t.BlockPresent[i] = Bank(t.BlockPresent[i]);
                }
                t.LoadWithinLimit = Bank(t.LoadWithinLimit);
                t.Upright = Bank(t.Upright);
            }
            return banks;
        }
    }
}
