// On every page: record "I have read the safety page" when the link brought us here.
import { recordAcknowledgementFromUrl } from "./safety.js";

recordAcknowledgementFromUrl();
