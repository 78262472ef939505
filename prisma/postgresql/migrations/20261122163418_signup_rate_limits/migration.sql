-- CreateTable
CREATE TABLE "signup_rate_limits" (
    "key" TEXT NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "signup_rate_limits_pkey" PRIMARY KEY ("key")
);
