import { describe, expect, it } from "vitest";
import {
  statusOnConfigChange,
  statusOnProductSave,
  type ConfigChangeStatusInput,
  type ProductSaveStatusInput,
} from "@/lib/inventory";

const REASON = "set Out of Stock automatically: quantity is at or below the threshold";
const managed = { manageStock: true, backorders: 0 as const, effectiveThreshold: 0 };

describe("statusOnProductSave (inventory-rules §8)", () => {
  it.each<[string, ProductSaveStatusInput, ReturnType<typeof statusOnProductSave>]>([
    [
      "§8 qty at the threshold switches In Stock out automatically",
      { ...managed, qty: 0, requestedStatus: 1, wasAutomatic: false },
      { status: 0, automatic: true, reason: REASON },
    ],
    [
      "§8 qty below a positive threshold switches out",
      { ...managed, effectiveThreshold: 5, qty: 4.5, requestedStatus: 1, wasAutomatic: false },
      { status: 0, automatic: true, reason: REASON },
    ],
    [
      "§8 qty above the threshold keeps In Stock",
      { ...managed, qty: 1, requestedStatus: 1, wasAutomatic: false },
      { status: 1, automatic: false, reason: null },
    ],
    [
      "§8 backorders on never switch",
      { ...managed, backorders: 1, qty: 0, requestedStatus: 1, wasAutomatic: false },
      { status: 1, automatic: false, reason: null },
    ],
    [
      "§8 manage stock off never switches",
      { ...managed, manageStock: false, qty: 0, requestedStatus: 1, wasAutomatic: false },
      { status: 1, automatic: false, reason: null },
    ],
    [
      "§8 an admin's Out of Stock stays the admin's",
      { ...managed, qty: 0, requestedStatus: 0, wasAutomatic: false },
      { status: 0, automatic: false, reason: null },
    ],
    [
      "§8 an automatic Out of Stock saved unchanged stays automatic",
      { ...managed, qty: 0, requestedStatus: 0, wasAutomatic: true },
      { status: 0, automatic: true, reason: null },
    ],
    [
      "§8 Out of Stock saved with qty above the threshold becomes the admin's",
      { ...managed, qty: 10, requestedStatus: 0, wasAutomatic: true },
      { status: 0, automatic: false, reason: null },
    ],
  ])("%s", (_name, input, expected) => {
    expect(statusOnProductSave(input)).toEqual(expected);
  });
});

describe("statusOnConfigChange (inventory-rules §8)", () => {
  it.each<[string, ConfigChangeStatusInput, ReturnType<typeof statusOnConfigChange>]>([
    [
      "§8 an automatic Out of Stock comes back once qty > threshold",
      { ...managed, qty: 3, status: 0, automatic: true },
      { status: 1, automatic: false },
    ],
    [
      "§8 a backorder allowance makes qty 0 exceed the threshold",
      { ...managed, backorders: 1, effectiveThreshold: -10, qty: 0, status: 0, automatic: true },
      { status: 1, automatic: false },
    ],
    [
      "§8 an automatic Out of Stock at the threshold stays out",
      { ...managed, effectiveThreshold: 5, qty: 5, status: 0, automatic: true },
      { status: 0, automatic: true },
    ],
    [
      "§8 an admin's Out of Stock stays so",
      { ...managed, qty: 3, status: 0, automatic: false },
      { status: 0, automatic: false },
    ],
    [
      "§8 manage stock off restores nothing",
      { ...managed, manageStock: false, qty: 3, status: 0, automatic: true },
      { status: 0, automatic: true },
    ],
    [
      "§8 a raised threshold switches an In Stock item out automatically",
      { ...managed, effectiveThreshold: 5, qty: 3, status: 1, automatic: false },
      { status: 0, automatic: true },
    ],
    [
      "§8 In Stock above the threshold is untouched",
      { ...managed, qty: 3, status: 1, automatic: false },
      { status: 1, automatic: false },
    ],
    [
      "§8 In Stock with backorders on is untouched",
      { ...managed, backorders: 2, qty: 0, status: 1, automatic: false },
      { status: 1, automatic: false },
    ],
  ])("%s", (_name, input, expected) => {
    expect(statusOnConfigChange(input)).toEqual(expected);
  });
});
