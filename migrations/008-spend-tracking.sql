-- 008: Spend tracking. The twin can buy things (tickets, subscriptions)
-- within per-domain monthly budgets; every charge is recorded here.
-- Amounts are integer minor units (cents) to avoid float rounding.

CREATE TABLE spend_budgets (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id UUID NOT NULL REFERENCES users(id),
    domain STRING NOT NULL,
    period STRING NOT NULL DEFAULT 'monthly',
    limit_cents INT8 NOT NULL CHECK (limit_cents >= 0),
    currency STRING NOT NULL DEFAULT 'USD',
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE INDEX spend_budgets_user_domain_period_uq (user_id, domain, period)
);

CREATE TABLE spend_records (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id UUID NOT NULL,
    budget_id UUID REFERENCES spend_budgets(id),
    action_execution_id UUID REFERENCES action_executions(id),
    amount_cents INT8 NOT NULL,
    currency STRING NOT NULL DEFAULT 'USD',
    merchant STRING,
    category STRING,
    occurred_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT spend_records_user_fk
        FOREIGN KEY (user_id) REFERENCES users (id),
    INDEX spend_records_user_occurred_idx (user_id, occurred_at DESC) STORING (amount_cents, currency)
);
