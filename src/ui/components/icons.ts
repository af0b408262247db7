/**
 * The icons the screens use, from lucide (ISC; lucide-preact tree-shakes to the icons imported here): one module,
 * so a change of icon set is one file. Icons are decorative: every button that shows one has a text name for
 * assistive technology (its visible label, or aria-label on an icon-only button).
 */
export type { LucideIcon as Icon } from 'lucide-preact';
export {
  Archive,
  ArrowLeft,
  ArrowLeftRight,
  Camera,
  ChevronRight,
  DatabaseBackup,
  Download,
  FileUp,
  GripVertical,
  Image,
  Info,
  Keyboard,
  Link,
  Lock,
  MoreVertical,
  Palette,
  Pencil,
  Pin,
  PinOff,
  Plus,
  QrCode,
  RefreshCw,
  RotateCw,
  Settings,
  ShieldCheck,
  Star,
  Trash2,
  Wrench,
  X,
} from 'lucide-preact';
