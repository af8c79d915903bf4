// A lender's client of the reminder gateway, in Node with code generated from protos/ by buf
// (`make example-node`): sends a reminder, reads its decision back, and decodes the google.rpc
// details of a refused request (BadRequest) and of a gateway that cannot decide (ErrorInfo,
// RetryInfo). Against `make run`'s sandbox by default.
import { readFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { createClient, Code, ConnectError } from "@connectrpc/connect";
import { createGrpcTransport } from "@connectrpc/connect-node";
import { ReminderService } from "./gen/gateway/v1/reminder_service_pb.js";
import { Channel, Outcome, Purpose, ReasonCode } from "./gen/gateway/v1/reminder_pb.js";
import { BadRequestSchema, ErrorInfoSchema, RetryInfoSchema } from "./gen/google/rpc/error_details_pb.js";

const address = process.env.GATEWAY_ADDRESS ?? addressOfSandbox() ?? "http://127.0.0.1:5080";
const apiKey = process.env.GATEWAY_API_KEY ?? "demo-key";

// gRPC over HTTP/2, the protocol the gateway serves; the API key travels in metadata.
const transport = createGrpcTransport({
  baseUrl: address,
  interceptors: [(next) => (request) => {
    request.header.set("x-api-key", apiKey);
    return next(request);
  }],
});
const reminders = createClient(ReminderService, transport);

// A seeded sandbox debtor who owes; the zone is one where it is daytime now, so that contact
// hours allow the reminder whenever the example runs.
const reminder = {
  idempotencyKey: `node-${randomUUID()}`,
  debtorId: "D-1001",
  debtId: "LN-20260001",
  purpose: Purpose.OVERDUE_NOTICE,
  channel: Channel.SMS,
  contactPoint: "+12025550101",
  templateId: "overdue-sms",
  locale: "en-US",
  templateParameters: { first_name: "Avery" },
  recipientTimeZone: daytimeZone(),
};

console.log(`gateway ${address}, recipient zone ${reminder.recipientTimeZone}`);
const { decision } = await send(reminder);
if (decision) {
  console.log(`sent:      ${describe(decision)}`);
  const again = await send(reminder);
  console.log(`same key:  ${describe(again.decision)}${again.decision.replayed ? " (replayed)" : ""}`);
  // `key` is a oneof: protobuf-es spells it as its case and value.
  const record = await reminders.getDecision({ debtorId: reminder.debtorId, key: { case: "reminderId", value: decision.reminderId } });
  console.log(`read back: ${describe(record.decision)}, ${record.decision.verdicts.length} verdicts`);
}

// The same key with another request: ALREADY_EXISTS with an ErrorInfo reason.
await send({ ...reminder, templateParameters: { first_name: "Someone else" } });

// A malformed number: INVALID_ARGUMENT with one BadRequest field violation per problem.
await send({ ...reminder, idempotencyKey: `node-${randomUUID()}`, contactPoint: "+1-not-a-number" });

// A gateway that cannot decide (its store or the lender not answering) is UNAVAILABLE with an
// ErrorInfo reason and a RetryInfo delay; send() prints those the same way.

async function send(r) {
  try {
    return await reminders.sendReminder({ reminder: r });
  } catch (error) {
    const failure = ConnectError.from(error);
    console.log(`refused:   ${Code[failure.code]}: ${failure.rawMessage}`);
    for (const bad of failure.findDetails(BadRequestSchema)) {
      for (const violation of bad.fieldViolations) {
        console.log(`             ${violation.field}: ${violation.description}`);
      }
    }
    for (const info of failure.findDetails(ErrorInfoSchema)) {
      console.log(`             reason ${info.reason} (${info.domain})`);
    }
    for (const retry of failure.findDetails(RetryInfoSchema)) {
      console.log(`             retry after ${retry.retryDelay?.seconds ?? 0n} s`);
    }
    return {};
  }
}

function describe(d) {
  const reasons = d.reasons.map((code) => ReasonCode[code]).join(", ");
  return `${Outcome[d.outcome]}${reasons ? " " + reasons : ""}, reminder ${d.reminderId}, rule set v${d.ruleSetVersion}`;
}

function daytimeZone() {
  const zones = ["America/New_York", "America/Los_Angeles", "Pacific/Honolulu", "Asia/Tokyo", "Asia/Kolkata", "Europe/London", "Pacific/Auckland"];
  const hour = (zone) => Number(new Intl.DateTimeFormat("en-US", { timeZone: zone, hour: "numeric", hourCycle: "h23" }).format(new Date()));
  return zones.find((zone) => hour(zone) >= 10 && hour(zone) < 17) ?? zones[0];
}

// `make run` writes the address it took beside its outbox, in the checkout's var/.
function addressOfSandbox() {
  try {
    return readFileSync(new URL("../../var/gateway-address", import.meta.url), "utf8").trim() || undefined;
  } catch {
    return undefined;
  }
}
