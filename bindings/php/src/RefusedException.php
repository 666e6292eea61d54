<?php

declare(strict_types=1);

namespace Vanthu;

/** Code 4, `refused`: the input was read, but a rule refuses it or the action; `rule()` names it. */
final class RefusedException extends Exception
{
    protected const CODE = 4;
    protected const KIND = 'refused';
}
