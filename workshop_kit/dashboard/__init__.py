"""The facilitator's live view of every table, served apart from the participants' kiosk."""
