-- A failed e-mail can be re-queued (npm run mail:retry, /admin/mail); its give-up clock then restarts from here
-- rather than from createdAt, which stays the message's real age and queue order.
ALTER TABLE "OutboxEmail" ADD COLUMN "requeuedAt" TIMESTAMP(3);
