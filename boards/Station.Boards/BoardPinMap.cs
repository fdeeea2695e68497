namespace Station.Boards
{
    /// <summary>Where every port of the bay (see <c>Station.Core.StationIo</c>) is wired on one board, plus its buses.
    /// One pin group per port group, with the same names (<c>Lift.Enable</c> wires <c>StationIo.Lift.Enable</c>);
    /// <see cref="NoPin"/> marks a pin not wired.</summary>
    /// <remarks>
    /// Pin numbers are the chip's own (see <see cref="BoardChip"/>). Pins from <see cref="ExpanderPinBase"/> up are
    /// on MCP23S17 I/O expanders on the board's SPI bus: expander e (hardware address e), pin p (GPA0..7 = 0..7,
    /// GPB0..7 = 8..15) is <c>ExpanderPinBase + 16 × e + p</c>. Expanders carry the slow, numerous signals (locks,
    /// conveyors, pack sensors); the encoder, the PWM and the safety inputs stay on native pins.
    /// The device application checks a map with <see cref="Validate"/> before it opens a single pin.
    /// </remarks>
    public sealed class BoardPinMap
    {
        /// <summary>A port that is not wired.</summary>
        public const int NoPin = -1;
        /// <summary>First pin number on the I/O expanders (above every native pin: STM32 numbers reach 167).</summary>
        public const int ExpanderPinBase = 1000;
        /// <summary>Pins per MCP23S17 expander.</summary>
        public const int ExpanderPinsEach = 16;

        /// <summary>Board name, as in boards/&lt;name&gt;.</summary>
        public string Name;
        /// <summary>Chip family: decides which pins are valid.</summary>
        public BoardChip Chip;
        /// <summary>nanoFramework firmware target to flash with nanoff.</summary>
        public string FirmwareTarget;
        /// <summary>Number of MCP23S17 expanders on the SPI bus (hardware addresses 0..n-1, one shared chip select).</summary>
        public int ExpanderCount;
        /// <summary>Number of pack locks wired (the lock arrays have this length).</summary>
        public int LockCount;
        /// <summary>Native pins the board brings out for the bay's wiring (its connectors and user LEDs), or null when
        /// every valid chip pin is reachable. Pins the board itself uses (memory, display, USB) are left out.</summary>
        public int[] UsablePins;
        /// <summary>True when the 24 V inputs arrive through optocouplers that pull the pin low when active.</summary>
        public bool InputsActiveLow;

        /// <summary>The lift axis.</summary>
        public readonly LinearAxisPins Lift = new LinearAxisPins();
        /// <summary>The pack locks (arrays of <see cref="LockCount"/> entries).</summary>
        public readonly LockSetPins Locks = new LockSetPins();
        /// <summary>Staging conveyor.</summary>
        public readonly ConveyorPins StagingConveyor = new ConveyorPins();
        /// <summary>Transfer conveyor.</summary>
        public readonly ConveyorPins TransferConveyor = new ConveyorPins();
        /// <summary>E-stop, light curtain, doors, motion permit and safety relay feedback.</summary>
        public readonly SafetyChainPins Safety = new SafetyChainPins();
        /// <summary>Vehicle and pack presence sensors.</summary>
        public readonly BaySensorPins Sensors = new BaySensorPins();
        /// <summary>The truck bay's own devices, or null on a car bay's board.</summary>
        public TruckPins Truck;
        /// <summary>The bay profile this board wires ("car" or "truck", as the configuration key bay.profile names it): the
        /// station's default, and the only profile it starts with.</summary>
        public string BayProfile = "car";
        /// <summary>Status LED.</summary>
        public int StatusLed = NoPin;

        /// <summary>SPI bus number of the expanders (and of the MCP2515 on boards without native CAN).</summary>
        public int SpiBus;
        /// <summary>SPI MOSI pin.</summary>
        public int SpiMosi = NoPin;
        /// <summary>SPI MISO pin.</summary>
        public int SpiMiso = NoPin;
        /// <summary>SPI clock pin.</summary>
        public int SpiClock = NoPin;
        /// <summary>Chip select shared by the expanders (addressed by their A0..A2 pins).</summary>
        public int ExpanderChipSelect = NoPin;

        /// <summary>Chip select of the microSD card on the SPI bus (<see cref="SpiBus"/>, shared with the expanders), or
        /// <see cref="NoPin"/> when the board keeps its storage elsewhere (internal flash, a native SD slot).</summary>
        public int SdCardChipSelect = NoPin;

        /// <summary>Native CAN controller name ("CAN1") or null when CAN runs through an MCP2515 on SPI.</summary>
        public string CanController;
        /// <summary>Native CAN TX pin (documentation and checks; the firmware routes it).</summary>
        public int CanTx = NoPin;
        /// <summary>Native CAN RX pin.</summary>
        public int CanRx = NoPin;
        /// <summary>MCP2515 chip select.</summary>
        public int CanChipSelect = NoPin;
        /// <summary>MCP2515 interrupt output (active low).</summary>
        public int CanInterrupt = NoPin;
        /// <summary>MCP2515 crystal, Hz (sets the bit-timing registers).</summary>
        public int CanCrystalHz;

        /// <summary>Serial port of the technician console ("COM2").</summary>
        public string ConsolePort;
        /// <summary>Console UART TX pin.</summary>
        public int ConsoleTx = NoPin;
        /// <summary>Console UART RX pin.</summary>
        public int ConsoleRx = NoPin;

        /// <summary>True when <paramref name="pin"/> is on an I/O expander.</summary>
        public static bool IsExpanderPin(int pin)
        {
            return pin >= ExpanderPinBase;
        }

        /// <summary>nanoFramework pin number of an STM32 pin: port letter 'A'..'K', pin 0..15.</summary>
        public static int Stm32Pin(char port, int pin)
        {
            return (port - 'A') * 16 + pin;
        }

        /// <summary>Pin number of expander <paramref name="expander"/>, port A (false) or B (true), bit 0..7.</summary>
        public static int ExpanderPin(int expander, bool portB, int bit)
        {
            return ExpanderPinBase + expander * ExpanderPinsEach + (portB ? 8 : 0) + bit;
        }

        /// <summary>Wires the bay I/O board both controller boards share: two MCP23S17 expanders on SPI, expander 0 carrying
        /// the four locks (port A: engage 0-3, release 4-7; port B: locked sensors 0-3, unlocked sensors 4-7), expander 1
        /// the conveyors (port A 0-1) and the pack and bay sensors (port B: staging, lift, return, doors, vehicle).</summary>
        public void WireSharedIoBoard()
        {
            Locks.Size(4);
            for (int i = 0; i < 4; i++)
            {
                Locks.Engage[i] = ExpanderPin(0, false, i);
                Locks.Release[i] = ExpanderPin(0, false, 4 + i);
                Locks.LockedSensor[i] = ExpanderPin(0, true, i);
                Locks.UnlockedSensor[i] = ExpanderPin(0, true, 4 + i);
            }
            StagingConveyor.Run = ExpanderPin(1, false, 0);
            TransferConveyor.Run = ExpanderPin(1, false, 1);
            Sensors.PackAtStaging = ExpanderPin(1, true, 0);
            Sensors.PackOnLift = ExpanderPin(1, true, 1);
            Sensors.PackAtReturn = ExpanderPin(1, true, 2);
            Safety.DoorsClosed = ExpanderPin(1, true, 3);
            Sensors.VehiclePositioned = ExpanderPin(1, true, 4);
            Lift.FarContact = ExpanderPin(1, true, 5);
            Safety.PermitWatchdogKick = ExpanderPin(1, false, 4);
        }

        /// <summary>The pin wired to the port called <paramref name="port"/> (its port group path, as the output
        /// registry names it: "Lift.Enable", "Locks.Engage[2]"), or <see cref="NoPin"/> when the map has no such port.</summary>
        public int PinOf(string port)
        {
            var pins = new PinList();
            AddBayPorts(pins);
            for (int i = 0; i < pins.Count; i++)
            {
                if (pins.Names[i] == port) return pins.Pins[i];
            }
            return NoPin;
        }

        private void AddBayPorts(PinList pins)
        {
            Lift.AddTo(pins, "Lift");
            Locks.AddTo(pins, "Locks");
            StagingConveyor.AddTo(pins, "StagingConveyor");
            TransferConveyor.AddTo(pins, "TransferConveyor");
            Safety.AddTo(pins, "Safety");
            Sensors.AddTo(pins, "Sensors");
            if (Truck != null) Truck.AddTo(pins);
        }

        /// <summary>Checks the configured bay profile against this board's wiring (at boot, before a pin is driven): a
        /// truck bay needs a board that wires the truck's devices, a car bay one that wires its locks, as many as
        /// <paramref name="lockCount"/>. Null when they match, otherwise the problem.</summary>
        public string CheckProfile(string profile, int lockCount)
        {
            if (profile != BayProfile)
                return "bay.profile " + profile + " does not match the board, which wires a " + BayProfile + " bay";
            if (Truck == null && lockCount != LockCount)
                return "the board wires " + LockCount + " locks, the configuration expects " + lockCount;
            return null;
        }

        /// <summary>Checks the map: every port wired, no pin used twice, every pin valid for the chip and its role.
        /// Returns null when the map is sound, otherwise a sentence naming the first problem.</summary>
        public string Validate()
        {
            if (Name == null || Name.Length == 0) return "the board has no name";
            if (BayProfile != "car" && BayProfile != "truck") return "BayProfile must be car or truck";
            if ((Truck != null) != (BayProfile == "truck")) return "a truck bay's board wires the Truck pins, a car bay's does not";
            // A truck bay has no engine lock set (its blocks' latches are Truck.BlockLocks).
            if (LockCount < (Truck == null ? 1 : 0) || LockCount > 16) return "LockCount must be 1..16 (0 on a truck bay's board)";
            string locks = Locks.CheckCount(LockCount);
            if (locks != null) return locks;
            if (Truck != null)
            {
                string truck = Truck.CheckCounts();
                if (truck != null) return truck;
            }
            if (ExpanderCount < 0 || ExpanderCount > 8) return "ExpanderCount must be 0..8 (MCP23S17 addresses)";
            if (Lift.DriveFrequencyHz < 100 || Lift.DriveFrequencyHz > 40000) return "Lift.DriveFrequencyHz must be 100..40000";
            if (ConsolePort == null || ConsolePort.Length == 0) return "ConsolePort is not set";

            var pins = new PinList();
            AddBayPorts(pins);
            pins.Add("StatusLed", StatusLed, PinRole.Output);
            pins.Add("ConsoleTx", ConsoleTx, PinRole.Output);
            pins.Add("ConsoleRx", ConsoleRx, PinRole.Input);
            if (ExpanderCount > 0 || CanController == null || SdCardChipSelect != NoPin || Truck != null)
            {
                pins.Add("SpiMosi", SpiMosi, PinRole.Output);
                pins.Add("SpiMiso", SpiMiso, PinRole.Input);
                pins.Add("SpiClock", SpiClock, PinRole.Output);
            }
            if (ExpanderCount > 0)
            {
                pins.Add("ExpanderChipSelect", ExpanderChipSelect, PinRole.ChipSelect);
            }
            if (SdCardChipSelect != NoPin)
            {
                pins.Add("SdCardChipSelect", SdCardChipSelect, PinRole.ChipSelect);
            }
            if (Truck != null)
            {
                // Block positions 2 and 3 on MCP2515s on the SPI bus (position 1 on the board's own pack CAN).
                Truck.AddCanTo(pins);
                if (CanCrystalHz != 8000000 && CanCrystalHz != 16000000 && CanCrystalHz != 20000000)
                {
                    return "CanCrystalHz must be 8, 16 or 20 MHz (the block segments' MCP2515 crystals)";
                }
            }
            if (CanController == null)
            {
                pins.Add("CanChipSelect", CanChipSelect, PinRole.ChipSelect);
                pins.Add("CanInterrupt", CanInterrupt, PinRole.Input);
                if (CanCrystalHz != 8000000 && CanCrystalHz != 16000000 && CanCrystalHz != 20000000)
                {
                    return "CanCrystalHz must be 8, 16 or 20 MHz (MCP2515 crystals)";
                }
            }
            else
            {
                pins.Add("CanTx", CanTx, PinRole.Output);
                pins.Add("CanRx", CanRx, PinRole.Input);
            }

            for (int i = 0; i < pins.Count; i++)
            {
                string name = pins.Names[i];
                int pin = pins.Pins[i];
                PinRole role = pins.Roles[i];
                if (pin == NoPin) return name + " has no pin";
                for (int j = 0; j < i; j++)
                {
                    if (pins.Pins[j] == pin) return name + " uses pin " + pin + ", already used by " + pins.Names[j];
                }
                string problem = IsExpanderPin(pin) ? CheckExpanderPin(pin, role) : CheckNativePin(pin, role);
                if (problem != null) return name + ": " + problem;
            }
            return null;
        }

        private string CheckExpanderPin(int pin, PinRole role)
        {
            if (pin >= ExpanderPinBase + ExpanderCount * ExpanderPinsEach)
            {
                return "pin " + pin + " is on an expander the board does not have (ExpanderCount " + ExpanderCount + ")";
            }
            if (role == PinRole.Pwm || role == PinRole.Encoder)
            {
                return "PWM and encoder channels need a native pin, not an expander pin";
            }
            if (role == PinRole.ChipSelect)
            {
                return "an SPI chip select needs a native pin (the expanders themselves sit on the SPI bus)";
            }
            return null;
        }

        private string CheckNativePin(int pin, PinRole role)
        {
            string problem = Chip == BoardChip.Esp32 ? CheckEsp32Pin(pin, role) : CheckStm32Pin(pin);
            if (problem != null) return problem;
            if (UsablePins != null)
            {
                for (int i = 0; i < UsablePins.Length; i++)
                {
                    if (UsablePins[i] == pin) return null;
                }
                return "pin " + pin + " is not brought out on " + Name + " (or the board uses it itself)";
            }
            return null;
        }

        /// <summary>ESP32 (WROOM-32) rules; the reasons are in boards/esp32-devkitc/README.md.</summary>
        private static string CheckEsp32Pin(int pin, PinRole role)
        {
            if (pin < 0 || pin > 39 || pin == 20 || pin == 24 || (pin >= 28 && pin <= 31)) return "GPIO" + pin + " does not exist on the ESP32";
            if (pin >= 6 && pin <= 11) return "GPIO" + pin + " is wired to the module's SPI flash";
            if (pin == 1 || pin == 3) return "GPIO" + pin + " is UART0, nanoFramework's debug and deploy link";
            // GPIO5's strap only picks the SDIO slave timing and is sampled high (internal pull-up): a chip select with
            // its external pull-up holds exactly that level at reset, so it is the one strapping pin a chip select may use.
            if (pin == 5 && role == PinRole.ChipSelect) return null;
            if (pin == 0 || pin == 2 || pin == 5 || pin == 12 || pin == 15) return "GPIO" + pin + " is a strapping pin (boot mode, flash voltage): avoided";
            if (pin == 37 || pin == 38) return "GPIO" + pin + " is not brought out on a WROOM-32 module";
            if (pin >= 34 && role != PinRole.Input && role != PinRole.Encoder) return "GPIO" + pin + " is input-only";
            return null;
        }

        /// <summary>STM32F7 rules: ports A..K exist (K up to pin 7); USART1 (PA9/PA10) is nanoFramework's link via ST-LINK.</summary>
        private static string CheckStm32Pin(int pin)
        {
            if (pin < 0 || pin > Stm32Pin('K', 7)) return "pin " + pin + " is not a port A..K pin";
            if (pin == Stm32Pin('A', 9) || pin == Stm32Pin('A', 10)) return "PA9/PA10 are USART1, nanoFramework's debug link through the ST-LINK";
            if (pin == Stm32Pin('A', 13) || pin == Stm32Pin('A', 14)) return "PA13/PA14 are the SWD debug pins";
            return null;
        }
    }
}
