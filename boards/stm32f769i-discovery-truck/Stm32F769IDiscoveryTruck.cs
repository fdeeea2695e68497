namespace Station.Boards
{
    /// <summary>STM32F769I-DISCOVERY wiring of a truck bay (Arduino connector plus five MCP23S17 expanders, three block
    /// CAN segments); see boards/stm32f769i-discovery-truck/README.md.</summary>
    public static class Stm32F769IDiscoveryTruck
    {
        /// <summary>The pin map of the STM32F769I-DISCOVERY wired for a truck bay.</summary>
        public static BoardPinMap PinMap()
        {
            BoardPinMap map = Stm32F769IDiscovery.PinMap();
            map.Name = "stm32f769i-discovery-truck";
            map.BayProfile = "truck";
            map.Truck = new TruckPins();
            map.Truck.Size();
            // No engine lock set (the blocks' latches are the truck's), no shared I/O board: five expanders instead.
            map.LockCount = 0;
            map.Locks.Size(0);
            map.ExpanderCount = 5;

            // Native pins: the three axes' PWM references and encoders (EXTI lines 0, 1, 3, 4, 6, 7: one per line),
            // the safety chain, SPI2, CAN1 (block 1) and the chip selects of the MCP2515s on blocks 2 and 3.
            map.Truck.Travel.Drive = BoardPinMap.Stm32Pin('C', 8);       // D5, TIM3_CH3
            map.Truck.Travel.DriveFrequencyHz = 2000;
            map.Truck.Travel.EncoderA = BoardPinMap.Stm32Pin('J', 0);    // D4 (EXTI0)
            map.Truck.Travel.EncoderB = BoardPinMap.Stm32Pin('J', 3);    // D7 (EXTI3)
            map.Truck.Fork.Drive = BoardPinMap.Stm32Pin('F', 8);         // A4, TIM13_CH1
            map.Truck.Fork.DriveFrequencyHz = 2000;
            map.Truck.Fork.EncoderA = BoardPinMap.Stm32Pin('J', 4);      // D8 (EXTI4)
            map.Truck.Fork.EncoderB = BoardPinMap.Stm32Pin('F', 7);      // D6 (EXTI7)
            map.Truck.BlockCanChipSelect[1] = BoardPinMap.Stm32Pin('F', 9);  // A5
            map.Truck.BlockCanChipSelect[2] = BoardPinMap.Stm32Pin('J', 13); // LD1 (the red user LED's pin)
            map.CanCrystalHz = 8000000;

            // Everything slow on the expanders, in this order (README has the table).
            int k = 0;
            k = AxisOnExpanders(map.Lift, k);
            k = AxisOnExpanders(map.Truck.Travel, k);
            k = AxisOnExpanders(map.Truck.Fork, k);
            for (int p = 0; p < TruckPins.Positions; p++) k = LocksOnExpanders(map.Truck.BlockLocks[p], k);
            for (int p = 0; p < TruckPins.Positions; p++) k = LocksOnExpanders(map.Truck.Connectors[p], k);
            for (int p = 0; p < TruckPins.Positions; p++) map.Truck.BlockPresent[p] = Pin(k++);
            map.Truck.LoadWithinLimit = Pin(k++);
            map.Truck.Upright = Pin(k++);
            map.StagingConveyor.Run = Pin(k++);
            map.TransferConveyor.Run = Pin(k++);
            map.Sensors.PackAtStaging = Pin(k++);
            map.Sensors.PackOnLift = Pin(k++);
            map.Sensors.PackAtReturn = Pin(k++);
            map.Sensors.VehiclePositioned = Pin(k++);
            map.Safety.DoorsClosed = Pin(k++);
            map.Safety.PermitWatchdogKick = Pin(k);
            return map;
        }

        // The k-th expander pin: expander k / 16, GPA0..7 then GPB0..7.
        private static int Pin(int k)
        {
            return BoardPinMap.ExpanderPinBase + k;
        }

        private static int AxisOnExpanders(LinearAxisPins axis, int k)
        {
            axis.DirectionAway = Pin(k++);
            axis.Enable = Pin(k++);
            axis.BrakeRelease = Pin(k++);
            axis.HomeSwitch = Pin(k++);
            axis.FarLimit = Pin(k++);
            axis.FarContact = Pin(k++);
            return k;
        }

        private static int LocksOnExpanders(LockSetPins locks, int k)
        {
            for (int i = 0; i < locks.Engage.Length; i++)
            {
                locks.Engage[i] = Pin(k++);
                locks.Release[i] = Pin(k++);
                locks.LockedSensor[i] = Pin(k++);
                locks.UnlockedSensor[i] = Pin(k++);
            }
            return k;
        }
    }
}
